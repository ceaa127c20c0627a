using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TicketHub.Web.Hosting;

public sealed class AccountRateLimitOptions
{
    public const string Section = "RateLimiting:Accounts";

    /// <summary>Login and sign-up attempts one client address may make per window.</summary>
    public int PermitLimit { get; set; } = 20;
    public int WindowSeconds { get; set; } = 60;
}

public static class RateLimiting
{
    public const string Accounts = "accounts";

    /// <summary>Slows password guessing and sign-up floods per client address; answers 429 with Retry-After.</summary>
    public static IServiceCollection AddTicketHubRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(AccountRateLimitOptions.Section).Get<AccountRateLimitOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Accounts, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (ctx, ct) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.WindowSeconds);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many attempts. Try again later." },
                });
            };
        });
        return services;
    }
}
