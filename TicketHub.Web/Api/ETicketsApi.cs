using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketHub.Domain.ETickets;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

/// <summary>E-tickets: the holder's codes, and the door (check-in and the revocation list for offline scanners).</summary>
public static class ETicketsApi
{
    /// <summary>Where door scanners download the public key that verifies ticket codes offline.</summary>
    public const string TicketKeyPath = "/.well-known/tickethub-ticket-key";

    public static RouteGroupBuilder MapETicketsApi(this RouteGroupBuilder tickets)
    {
        tickets.MapGet("/view-e-tickets", ViewETicketsAsync).WithName("view-e-tickets").RequireAuthorization(Policies.Individual)
            .WithSummary("The caller's tickets, one per admission, each with its signed code (what the QR code holds)")
            .WithDescription("Tickets listed for resale have no code until the listing is cancelled; a resold ticket's code is replaced by the buyer's.");
        tickets.MapPost("/check-in", CheckInAsync).WithName("check-in").RequireAuthorization(Policies.Vendor)
            .WithSummary("Scan a ticket code at the door of an event the vendor created")
            .WithDescription("Answers a verdict: valid (admitted now), already_used (with checkedInAt), revoked, wrong_event or forged. " +
                             "Each ticket is admitted once, however many doors scan it at the same moment.");
        tickets.MapGet("/view-revoked-codes", ViewRevokedCodesAsync).WithName("view-revoked-codes").RequireAuthorization(Policies.Vendor)
            .WithSummary("Every revoked code of the vendor's event, for scanners that check codes offline")
            .WithDescription("A code of unitId whose generation is below revokedBelow admits nobody.");
        return tickets;
    }

    /// <summary>The public key as a JSON Web Key (RFC 8037), anonymous and cacheable: it is public by design.</summary>
    public static IEndpointRouteBuilder MapTicketKey(this IEndpointRouteBuilder app)
    {
        app.MapGet(TicketKeyPath, (ETicketService tickets, HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return TypedResults.Ok(new { keys = new[] { tickets.PublicKey() } });
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ETicketView>>> ViewETicketsAsync(ClaimsPrincipal user, ETicketService tickets, CancellationToken ct) =>
        TypedResults.Ok(await tickets.TicketsAsync(user.GetUserId(), ct: ct));

    private static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> CheckInAsync(
        CheckInCommand body, ClaimsPrincipal user, CheckInService door, CancellationToken ct)
    {
        var result = await door.CheckInAsync(user.GetUserId(), body, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<RevocationList>, ProblemHttpResult>> ViewRevokedCodesAsync(
        [FromQuery(Name = "event-id")] string? eventId, ClaimsPrincipal user, CheckInService door, CancellationToken ct)
    {
        var result = await door.RevokedAsync(user.GetUserId(), eventId, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
