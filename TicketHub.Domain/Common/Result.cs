using System.Diagnostics.CodeAnalysis;

namespace TicketHub.Domain.Common;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    /// <summary>A dependency (the payment provider) did not answer; the request may be retried.</summary>
    Unavailable,

    /// <summary>Too many attempts; <see cref="Error.RetryAfter"/> says when to try again.</summary>
    RateLimited,
}

/// <summary>An expected business failure: a stable snake_case code (see docs/api.md), a message for people, and per-field details.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind = ErrorKind.Validation)
{
    public IReadOnlyDictionary<string, string[]>? Fields { get; init; }

    /// <summary>When a retry makes sense, if the error knows.</summary>
    public TimeSpan? RetryAfter { get; init; }
}

public readonly record struct Result<T>(T? Value, Error? Error)
{
    [MemberNotNullWhen(true, nameof(Value)), MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
