using System.ComponentModel.DataAnnotations;

namespace TicketHub.Web.Hosting;

/// <summary>How long a browser stays signed in.</summary>
public sealed class SessionOptions
{
    public const string Section = "Authentication:Session";

    /// <summary>Signed out after this long without a visit (the cookie slides while the user is active).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Signed out this long after signing in, however active: a stolen cookie does not live for ever.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "90.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often an open Blazor circuit checks that its account is still in good standing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);
}
