using System.Globalization;

namespace TicketHub.Web.Components.Shared;

/// <summary>
/// Times as pages show them: stored instants are UTC; every time about an event (its start, an order or a sale for it)
/// is shown as wall-clock time at the venue with the venue's IANA zone named, and vendors enter times the same way.
/// An id unknown to this machine falls back to UTC.
/// </summary>
public static class VenueTime
{
    public const string DisplayFormat = "ddd d MMM yyyy, HH:mm";

    /// <summary>
    /// Marks a time as the UTC instant every time in TicketHub is. Times read from the database already are (SQLite's
    /// converter and PostgreSQL's timestamptz say so); a time built elsewhere with no kind would otherwise be taken for
    /// local time when formatted or converted.
    /// </summary>
    public static DateTime Utc(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);

    public static DateTime ToLocal(DateTime utc, string? timeZone) => TimeZoneInfo.ConvertTimeFromUtc(Utc(utc), Zone(timeZone));

    /// <summary>A date and time entered as wall-clock time at the venue, as a UTC instant.</summary>
    public static DateTimeOffset? ToUtc(DateTime? date, TimeSpan? time, string? timeZone)
    {
        if (date is null || time is null) return null;
        var local = DateTime.SpecifyKind(date.Value.Date + time.Value, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone(timeZone).GetUtcOffset(local)).ToUniversalTime();
    }

    public static string FormatLocal(DateTime utc, string? timeZone) =>
        ToLocal(utc, timeZone).ToString(DisplayFormat, CultureInfo.InvariantCulture);

    public static string FormatUtc(DateTime utc) => Utc(utc).ToString(DisplayFormat, CultureInfo.InvariantCulture) + " UTC";

    /// <summary>Time at the venue with its zone named, e.g. "Sat 14 Mar 2026, 20:00 (Europe/Berlin)".</summary>
    public static string When(DateTime utc, string? timeZone) => $"{FormatLocal(utc, timeZone)} ({ZoneName(timeZone)})";

    /// <summary>The zone as pages name it: the IANA id, or UTC for a missing or unknown one.</summary>
    public static string ZoneName(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _) ? timeZone : "UTC";

    public static string Seat(string? section, string seat) =>
        string.IsNullOrWhiteSpace(section) ? $"Seat {seat}" : $"Section {section}, seat {seat}";

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
