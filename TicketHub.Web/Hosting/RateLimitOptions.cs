namespace TicketHub.Web.Hosting;

/// <summary>One fixed-window limit: at most <see cref="PermitLimit"/> in any <see cref="WindowSeconds"/>.</summary>
public sealed class WindowLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; }

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary>
/// Every limit of the front doors (section <c>RateLimiting</c>). Limits are per node: behind a load balancer with N
/// nodes a client may get up to N times as much.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    /// <summary>False turns every limit off (load tests).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Sign-in attempts per client address (IPv6 per /64), API and web page alike.</summary>
    public WindowLimit SignInPerAddress { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>Sign-in attempts per username, whatever the address (slows guessing spread over many addresses).</summary>
    public WindowLimit SignInPerUsername { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>New accounts per client address.</summary>
    public WindowLimit SignUpPerAddress { get; set; } = new() { PermitLimit = 10, WindowSeconds = 3600 };

    /// <summary>Purchases, resale listings and cancellations per signed-in user (a declined-card loop costs two writes each).</summary>
    public WindowLimit TradingPerUser { get; set; } = new() { PermitLimit = 30, WindowSeconds = 60 };

    /// <summary>Venues, performers, events, uploads and removals per vendor.</summary>
    public WindowLimit CatalogWritesPerVendor { get; set; } = new() { PermitLimit = 120, WindowSeconds = 60 };

    /// <summary>Requests in progress at once on this node (Blazor circuits and health checks are not counted).</summary>
    public int ConcurrentRequests { get; set; } = 1024;

    /// <summary>Requests that may wait for a free slot before 503.</summary>
    public int ConcurrentQueue { get; set; } = 2048;
}
