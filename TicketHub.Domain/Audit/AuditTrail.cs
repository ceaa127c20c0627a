using TicketHub.Domain.Common;

namespace TicketHub.Domain.Audit;

/// <summary>
/// What services call to record an event. It stamps the time and the client's address and hands the entry to
/// <see cref="AuditWriter"/>, which stores entries in batches off the request path (a flash sale records thousands
/// of purchases a second).
/// </summary>
public sealed class AuditTrail(AuditWriter writer, IClientOrigin origin, TimeProvider clock)
{
    public void Record(string action, AuditOutcome outcome, string? actorId, string? targetType = null, string? targetId = null,
        string? detail = null, string? actorName = null) =>
        writer.Enqueue(new AuditEntry
        {
            Id = Ids.New(clock),
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Action = action,
            Outcome = outcome,
            ActorId = actorId,
            // Names and targets are what the client sent: cut to their columns and cleaned of control characters,
            // so no request can make a batch of entries unstorable (PostgreSQL refuses a NUL).
            ActorName = PlainText.Clean(actorName, 64),
            ClientAddress = PlainText.Clean(origin.Address, 64),
            TargetType = targetType,
            TargetId = PlainText.Clean(targetId, 64),
            Detail = PlainText.Clean(detail, AuditEntryConfiguration.DetailMaxLength),
        });

    public void Succeeded(string action, string? actorId, string? targetType = null, string? targetId = null, string? detail = null) =>
        Record(action, AuditOutcome.Succeeded, actorId, targetType, targetId, detail);

    /// <summary>A refused action: the detail is the error code the caller got.</summary>
    public void Failed(string action, string? actorId, Error error, string? targetType = null, string? targetId = null) =>
        Record(action, AuditOutcome.Failed, actorId, targetType, targetId, error.Code);

    /// <summary>
    /// Records how an action ended and passes its result on: on success the object it made or changed, on failure the
    /// object asked for and the error code.
    /// </summary>
    public Result<T> Outcome<T>(string action, string? actorId, string targetType, Result<T> result, string? requestedTarget,
        Func<T, string?>? target = null, Func<T, string?>? detail = null)
    {
        if (result.IsSuccess)
            Record(action, AuditOutcome.Succeeded, actorId, targetType, target?.Invoke(result.Value) ?? requestedTarget, detail?.Invoke(result.Value));
        else
            Record(action, AuditOutcome.Failed, actorId, targetType, requestedTarget, result.Error.Code);
        return result;
    }
}
