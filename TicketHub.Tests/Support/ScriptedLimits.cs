using TicketHub.Domain.Common;

namespace TicketHub.Tests.Support;

/// <summary>Per-user rate limits a spec turns on: every attempt of a refused action is refused for a minute, the rest go ahead.</summary>
public sealed class ScriptedLimits : IActionRateLimiter
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(1);

    private readonly HashSet<LimitedAction> _refused = [];

    public void Refuse(LimitedAction action)
    {
        lock (_refused) _refused.Add(action);
    }

    public bool TryAcquire(LimitedAction action, string key, out TimeSpan retryAfter)
    {
        lock (_refused)
        {
            retryAfter = _refused.Contains(action) ? RetryAfter : TimeSpan.Zero;
            return !_refused.Contains(action);
        }
    }
}
