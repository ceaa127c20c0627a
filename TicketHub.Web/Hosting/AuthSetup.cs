using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain;
using TicketHub.Domain.Accounts;

namespace TicketHub.Web.Hosting;

public static class Policies
{
    /// <summary>Every /api route: a bearer token and nothing else, so a browser's cookie never authorises an API call.</summary>
    public const string Api = "api";
    public const string Vendor = "vendor";
    public const string Individual = "individual";
}

public static class AuthSetup
{
    public static IServiceCollection AddTicketHubAuth(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var signingKey = JwtSigningKey.Resolve(config[$"{JwtOptions.Section}:SigningKey"], dataDirectory);
        services.AddSingleton(signingKey);
        services.AddSingleton<TokenService>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddJwtBearer()
            .AddIdentityCookies();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(jwt.Value.ClockSkewSeconds),
                    RequireExpirationTime = true,
                    NameClaimType = AuthClaims.Name,
                    RoleClaimType = AuthClaims.Role,
                };
            });

        services.AddTicketHubIdentityCore().AddSignInManager().AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "TicketHub.Auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Vendor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Vendor))
            .AddPolicy(Policies.Individual, p => p.RequireAuthenticatedUser().RequireRole(Roles.Individual));
        return services;
    }
}
