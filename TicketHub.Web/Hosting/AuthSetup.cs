using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
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

    /// <summary>A vendor an administrator has approved.</summary>
    public const string Vendor = "vendor";

    public const string Individual = "individual";
    public const string Admin = "admin";
}

public static class AuthSetup
{
    public static IServiceCollection AddTicketHubAuth(this IServiceCollection services, IConfiguration config, IHostEnvironment env, string dataDirectory)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var signingKey = JwtSigningKey.Resolve(config[$"{JwtOptions.Section}:SigningKey"], dataDirectory);
        services.AddSingleton(signingKey);
        services.AddSingleton<TokenService>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddJwtBearer()
            .AddIdentityCookies();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, ValidatedTokenCache>((bearer, jwt, tokens) =>
            {
                bearer.MapInboundClaims = false;
                bearer.TokenHandlers.Clear();
                bearer.TokenHandlers.Add(tokens);
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Value.Issuer,
                    ValidAudience = jwt.Value.Audience,
                    IssuerSigningKey = signingKey,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(jwt.Value.ClockSkewSeconds),
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    NameClaimType = AuthClaims.Name,
                    RoleClaimType = AuthClaims.Role,
                };
                bearer.Events = new JwtBearerEvents { OnTokenValidated = AccountStandingCheck.ValidateTokenAsync };
            });

        services.AddTicketHubIdentityCore().AddSignInManager().AddDefaultTokenProviders();
        // Outside Development cookies are Secure whatever the request's scheme (a TLS-terminating proxy may forward
        // plain HTTP), and the __Host- prefix pins them to this host and path.
        var secure = !env.IsDevelopment();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = secure ? "__Host-TicketHub.Auth" : "TicketHub.Auth";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = AccountStandingCheck.ValidateCookieAsync;
        });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>>((cookie, session) => cookie.ExpireTimeSpan = session.Value.IdleTimeout);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = secure ? "__Host-TicketHub.Antiforgery" : "TicketHub.Antiforgery";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<AuthenticationStateProvider, RevalidatingAccountStateProvider>();

        services.AddSingleton<IAuthorizationHandler, ApprovedVendorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.Vendor, p => p.RequireAuthenticatedUser().RequireRole(Roles.Vendor).AddRequirements(new ApprovedVendorRequirement()))
            .AddPolicy(Policies.Individual, p => p.RequireAuthenticatedUser().RequireRole(Roles.Individual))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        return services;
    }
}
