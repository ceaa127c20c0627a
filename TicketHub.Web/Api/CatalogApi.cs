using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Venues;
using TicketHub.Web.Api.OpenApi;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

/// <summary>Venues, performers and events: the catalogue part of TicketService.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/view-venues", ViewVenuesAsync).WithName("view-venues")
            .Produces<IReadOnlyList<VenueDto>>().Paged().ConditionalGet()
            .WithSummary("Venues, filtered by name (substring), city, state, country and postal code (whole values), case-insensitive");
        tickets.MapPut("/add-venue", AddVenueAsync).WithName("add-venue").RequireAuthorization(Policies.Vendor)
            .WithSummary("Add a venue (vendors)")
            .WithDescription("timeZone is optional (IANA id, default UTC) and lets pages show local times.");
        tickets.MapPut("/add-performer", AddPerformerAsync).WithName("add-performer").RequireAuthorization(Policies.Vendor)
            .WithSummary("Add a performer (vendors)");
        tickets.MapPut("/add-event", AddEventAsync).WithName("add-event").RequireAuthorization(Policies.Vendor)
            .WithSummary("Add an event at a venue (vendors)")
            .WithDescription("endTime must be after startTime and startTime in the future; currency is ISO 4217 (default USD); performerIds optional.");
        tickets.MapGet("/view-events", ViewEventsAsync).WithName("view-events")
            .Produces<IReadOnlyList<EventSummary>>().Paged().ConditionalGet()
            .WithSummary("Events ordered by start time, by venue, performer, time window (start_time ≤ event start ≤ end_time) or venue location");
        tickets.MapPut("/add-performer-to-event", AddPerformerToEventAsync).WithName("add-performer-to-event")
            .RequireAuthorization(Policies.Vendor)
            .WithSummary("Add a performer to an event (the vendor that created the event)");
        return tickets;
    }

    public sealed record VenueFilter(
        [property: FromQuery(Name = "name")] string? Name,
        [property: FromQuery(Name = "city")] string? City,
        [property: FromQuery(Name = "state")] string? State,
        [property: FromQuery(Name = "country")] string? Country,
        [property: FromQuery(Name = "postal-code")] string? PostalCode,
        [property: FromQuery(Name = "page")] int? Page,
        [property: FromQuery(Name = "page-size")] int? PageSize);

    public sealed record EventFilter(
        [property: FromQuery(Name = "venue-id")] string? VenueId,
        [property: FromQuery(Name = "performer-id")] string? PerformerId,
        [property: FromQuery(Name = "start_time")] DateTimeOffset? StartTime,
        [property: FromQuery(Name = "end_time")] DateTimeOffset? EndTime,
        [property: FromQuery(Name = "city")] string? City,
        [property: FromQuery(Name = "state")] string? State,
        [property: FromQuery(Name = "country")] string? Country,
        [property: FromQuery(Name = "postal-code")] string? PostalCode,
        [property: FromQuery(Name = "page")] int? Page,
        [property: FromQuery(Name = "page-size")] int? PageSize);

    private static async Task<IResult> ViewVenuesAsync(
        [AsParameters] VenueFilter filter, VenueService venues, CachedJson json, HttpContext http, CancellationToken ct)
    {
        var page = PageRequest.Create(filter.Page, filter.PageSize);
        if (!page.IsSuccess) return page.Error.ToProblem();
        var result = await venues.SearchAsync(
            new VenueQuery(filter.Name, filter.City, filter.State, filter.Country, filter.PostalCode), page.Value, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        http.SetPaging(page.Value, result.Value.TotalCount);
        return json.Page(result.Value, http);
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult>> AddVenueAsync(
        AddVenueCommand body, ClaimsPrincipal user, VenueService venues, CancellationToken ct)
    {
        var result = await venues.AddAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(new IdResponse(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult>> AddPerformerAsync(
        AddPerformerCommand body, ClaimsPrincipal user, PerformerService performers, CancellationToken ct)
    {
        var result = await performers.AddAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(new IdResponse(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<IdResponse>, ProblemHttpResult>> AddEventAsync(
        AddEventCommand body, ClaimsPrincipal user, EventService events, CancellationToken ct)
    {
        var result = await events.AddAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(new IdResponse(result.Value)) : result.Error.ToProblem();
    }

    private static async Task<IResult> ViewEventsAsync(
        [AsParameters] EventFilter filter, EventService events, CachedJson json, HttpContext http, CancellationToken ct)
    {
        var page = PageRequest.Create(filter.Page, filter.PageSize);
        if (!page.IsSuccess) return page.Error.ToProblem();
        var query = new EventQuery(filter.VenueId, filter.PerformerId, filter.StartTime, filter.EndTime,
            filter.City, filter.State, filter.Country, filter.PostalCode);
        var result = await events.SearchJsonAsync(query, page.Value, json.SerializerOptions, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        http.SetPaging(page.Value, result.Value.TotalCount);
        return json.Page(result.Value, http);
    }

    private static async Task<Results<Ok<EmptyResponse>, ProblemHttpResult>> AddPerformerToEventAsync(
        AddPerformerToEventRequest body, ClaimsPrincipal user, EventService events, CancellationToken ct)
    {
        var result = await events.AddPerformerAsync(user.GetUserId(), body.EventId, body.PerformerId, ct);
        return result.IsSuccess ? TypedResults.Ok(new EmptyResponse()) : result.Error.ToProblem();
    }
}
