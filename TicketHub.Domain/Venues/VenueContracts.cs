using System.ComponentModel;

namespace TicketHub.Domain.Venues;

public sealed record AddVenueCommand(
    string? Name, string? StreetAddress, string? City, string? State, string? Country, string? PostalCode,
    string? AddlAddress, string? TimeZone = null);

/// <summary>Filters of view-venues: <see cref="Name"/> matches a substring, the others whole values, all case-insensitive.</summary>
public sealed record VenueQuery(string? Name = null, string? City = null, string? State = null, string? Country = null, string? PostalCode = null);

[ImmutableObject(true)]
public sealed record VenueDto(
    string Id, string Name, string StreetAddress, string City, string? State, string Country, string? PostalCode,
    string? AddlAddress, string TimeZone);
