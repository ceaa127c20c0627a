namespace TicketHub.Domain.Common;

/// <summary>The actions whose rate is limited per user (or per username, for sign-in) on every front door.</summary>
public enum LimitedAction
{
    SignIn,
    Trading,
    CatalogWrite,
}

/// <summary>
/// Counts an attempt of a limited action. The host supplies the limits (configuration, per node); services ask before
/// doing any work, so the REST API and the web pages draw from the same allowance.
/// </summary>
public interface IActionRateLimiter
{
    /// <summary>True when the attempt may go ahead; otherwise <paramref name="retryAfter"/> says when to try again.</summary>
    bool TryAcquire(LimitedAction action, string key, out TimeSpan retryAfter);
}

/// <summary>No limits: the domain used in-process (the bench tool's seeding, start-up).</summary>
internal sealed class NoActionRateLimits : IActionRateLimiter
{
    public bool TryAcquire(LimitedAction action, string key, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        return true;
    }
}

public static class RateLimitedExtensions
{
    /// <summary>Null when the attempt may go ahead, else the rate_limited error to return.</summary>
    public static Error? Refuse(this IActionRateLimiter limiter, LimitedAction action, string key) =>
        limiter.TryAcquire(action, key, out var retryAfter) ? null : CommonErrors.RateLimited(retryAfter);
}
