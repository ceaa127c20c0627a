namespace TicketHub.Domain.Common;

/// <summary>
/// Case-insensitive filters (city, country, names) compare against a stored upper-cased key column, so both SQLite and
/// PostgreSQL answer them from a plain index instead of a function over every row.
/// </summary>
public static class TextKey
{
    public static string? From(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
}
