using System.ComponentModel;

namespace TicketHub.Domain.Venues;

public sealed record AddVenueCommand(
    string? Name, string? StreetAddress, string? City, string? State, string? Country, string? PostalCode,
    string? AddlAddress, string? TimeZone = null);

/// <summary>Filters of view-venues: <see cref="Name"/> matches a substring, the others whole values, all case-insensitive.</summary>
public sealed record VenueQuery(string? Name = null, string? City = null, string? State = null, string? Country = null, string? PostalCode = null)
{
    /// <summary>A filter longer than the column it compares with is a bad request (and never a cache key). Null when valid.</summary>
    public Common.Error? Validate() => new Common.Validator()
        .MaxLength("name", Name, VenueRules.NameMaxLength)
        .MaxLength("city", City, VenueRules.NameMaxLength)
        .MaxLength("state", State, VenueRules.NameMaxLength)
        .MaxLength("country", Country, VenueRules.NameMaxLength)
        .MaxLength("postal-code", PostalCode, VenueRules.PostalCodeMaxLength)
        .ToError();
}

public static class VenueRules
{
    public const int NameMaxLength = 255;
    public const int PostalCodeMaxLength = 15;
}

[ImmutableObject(true)]
public sealed record VenueDto(
    string Id, string Name, string StreetAddress, string City, string? State, string Country, string? PostalCode,
    string? AddlAddress, string TimeZone);
