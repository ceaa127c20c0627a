namespace TicketHub.Domain.Venues;

public sealed class Venue
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string City { get; set; } = "";
    public string? State { get; set; }
    public string Country { get; set; } = "";
    public string? PostalCode { get; set; }
    public string? AddlAddress { get; set; }
    /// <summary>IANA time zone of the venue, so pages can show an event's local time.</summary>
    public string TimeZone { get; set; } = "UTC";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    // Upper-cased copies for case-insensitive, index-backed filters (see TextKey).
    public string NameKey { get; set; } = "";
    public string CityKey { get; set; } = "";
    public string? StateKey { get; set; }
    public string CountryKey { get; set; } = "";
    public string? PostalCodeKey { get; set; }
}
