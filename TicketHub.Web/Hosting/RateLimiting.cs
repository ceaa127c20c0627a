using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

public static class RateLimiting
{
    /// <summary>Sign-in per client address: the REST login route and the login page's form post.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Sign-up per client address: the REST create-user route and the register page's form post.</summary>
    public const string SignUp = "sign-up";

    /// <summary>
    /// ASP.NET Core rate limiting: the per-address policies above, a global concurrency limit, and the per-user limits
    /// the domain asks <see cref="ConfiguredActionRateLimits"/> for. Every rejection is a 429 with Retry-After.
    /// <c>RateLimiting:Enabled=false</c> turns them all off.
    /// </summary>
    public static IServiceCollection AddTicketHubRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.Replace(ServiceDescriptor.Singleton<IActionRateLimiter, ConfiguredActionRateLimits>());
        var options = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, http => PerAddressOnPost(http, options.Enabled, options.SignInPerAddress));
            limiter.AddPolicy(SignUp, http => PerAddressOnPost(http, options.Enabled, options.SignUpPerAddress));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !options.Enabled || IsLongLived(http)
                    ? RateLimitPartition.GetNoLimiter("exempt")
                    : RateLimitPartition.GetConcurrencyLimiter("node", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentRequests,
                        QueueLimit = options.ConcurrentQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            limiter.OnRejected = (ctx, ct) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return WriteTooManyAsync(ctx.HttpContext, retryAfter, ct);
            };
        });
        return services;
    }

    /// <summary>429 with Retry-After: problem details for the API, a short page for a browser's form post.</summary>
    public static async ValueTask WriteTooManyAsync(HttpContext http, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var title = $"Too many attempts. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.";
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · TicketHub</title></head>" +
                $"<body><main><h1>Too many attempts</h1><p>{title}</p><p><a href=\"/\">Back to the storefront</a></p></main></body></html>", ct);
            return;
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = title, Extensions = { ["code"] = ErrorCodes.RateLimited } },
        });
    }

    // Only the form post or the API call counts: reading the login page is free.
    private static RateLimitPartition<string> PerAddressOnPost(HttpContext http, bool enabled, WindowLimit limit) =>
        !enabled || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("free")
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.PartitionOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = limit.Window,
                QueueLimit = 0,
            });

    // A Blazor circuit holds its connection open for as long as the page is open; health probes must always answer.
    private static bool IsLongLived(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/_blazor") || http.Request.Path.StartsWithSegments("/health");
}

/// <summary>
/// The per-user and per-username limits the domain asks for (<see cref="IActionRateLimiter"/>): the REST endpoints and
/// the web pages call the same services, so they draw from the same windows and a client cannot double its allowance
/// by switching doors.
/// </summary>
public sealed class ConfiguredActionRateLimits : IActionRateLimiter, IDisposable
{
    private readonly Dictionary<LimitedAction, PartitionedRateLimiter<string>> _limiters;
    private readonly bool _enabled;

    public ConfiguredActionRateLimits(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        _enabled = o.Enabled;
        _limiters = new()
        {
            [LimitedAction.SignIn] = Create(o.SignInPerUsername),
            [LimitedAction.Trading] = Create(o.TradingPerUser),
            [LimitedAction.CatalogWrite] = Create(o.CatalogWritesPerVendor),
        };
    }

    public bool TryAcquire(LimitedAction action, string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_enabled) return true;
        using var lease = _limiters[action].AttemptAcquire(key.ToUpperInvariant());
        if (lease.IsAcquired) return true;
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        return false;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(WindowLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        }));
}
