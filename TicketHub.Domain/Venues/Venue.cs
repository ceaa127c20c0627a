using TicketHub.Domain.Common;

namespace TicketHub.Domain.Venues;

/// <summary>A place where events happen. Venues never change once added, so events keep copies of their location keys.</summary>
public sealed class Venue
{
    private string _name = "", _city = "", _country = "";
    private string? _state, _postalCode;

    public string Id { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string? AddlAddress { get; set; }
    /// <summary>IANA time zone of the venue, so pages can show an event's local time.</summary>
    public string TimeZone { get; set; } = "UTC";
    public string CreatedById { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }

    // Setting a name sets its upper-cased key (see TextKey) for case-insensitive, index-backed filters: no writer can
    // forget it. EF reads and writes the fields, so loading a row never recomputes a key.
    public string Name { get => _name; set => (_name, NameKey) = (value, TextKey.From(value) ?? ""); }
    public string City { get => _city; set => (_city, CityKey) = (value, TextKey.From(value) ?? ""); }
    public string? State { get => _state; set => (_state, StateKey) = (value, TextKey.From(value)); }
    public string Country { get => _country; set => (_country, CountryKey) = (value, TextKey.From(value) ?? ""); }
    public string? PostalCode { get => _postalCode; set => (_postalCode, PostalCodeKey) = (value, TextKey.From(value)); }

    public string NameKey { get; private set; } = "";
    public string CityKey { get; private set; } = "";
    public string? StateKey { get; private set; }
    public string CountryKey { get; private set; } = "";
    public string? PostalCodeKey { get; private set; }
}
