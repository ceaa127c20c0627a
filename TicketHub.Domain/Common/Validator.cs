namespace TicketHub.Domain.Common;

/// <summary>Collects field errors for one command; <see cref="ToError"/> is null when the command is valid.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Validator Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, $"{field} is required.");
        return MaxLength(field, value, maxLength);
    }

    public Validator MaxLength(string field, string? value, int maxLength) =>
        value is null ? this
        : value.Trim().Length > maxLength ? Add(field, $"{field} must be at most {maxLength} characters.")
        : !PlainText.IsPlain(value) ? Add(field, $"{field} must not contain control characters.")
        : this;

    public Validator Check(bool condition, string field, string message) => condition ? this : Add(field, message);

    public Error? ToError() => IsValid
        ? null
        : new Error(ErrorCodes.ValidationFailed, "One or more fields are invalid.")
        {
            Fields = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        };
}
