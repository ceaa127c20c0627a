using System.Net;
using System.Net.Http.Json;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.ETickets;

public sealed class CheckInOnSqlite() : CheckInTests(DatabaseProvider.Sqlite);
public sealed class CheckInOnPostgres() : CheckInTests(DatabaseProvider.Postgres);

/// <summary>The door, through the API a scanner app uses: each ticket admits once, and only its current owner's code does.</summary>
public abstract class CheckInTests(DatabaseProvider provider) : ApiTest(provider)
{
    public sealed record TicketBody(string UnitId, string EventId, int Generation, string Code, DateTime? CheckedInAt);
    public sealed record VerdictBody(string Verdict, string? UnitId, string? Section, string? Seat, DateTime? CheckedInAt, int Entered);
    public sealed record ListingBody(string ListingId);
    public sealed record RevokedBody(string UnitId, int RevokedBelow);
    public sealed record RevocationBody(string EventId, RevokedBody[] Revoked);

    private static async Task<TicketBody[]> TicketsAsync(HttpClient holder) =>
        (await holder.GetFromJsonAsync<TicketBody[]>("/api/tickets/view-e-tickets", Ct))!;

    private static async Task<VerdictBody> ScanAsync(HttpClient vendor, string eventId, string code)
    {
        var response = await vendor.PostAsJsonAsync("/api/tickets/check-in", new { eventId, code }, Ct);
        await response.EnsureOkAsync();
        return (await response.Content.ReadFromJsonAsync<VerdictBody>(Ct))!;
    }

    /// <summary>A vendor's event with a lot, and a buyer holding <paramref name="count"/> of it.</summary>
    private async Task<(HttpClient Vendor, string EventId, string Lot, HttpClient Buyer)> HeldTicketsAsync(int count = 1, string buyer = "buyer1")
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 20);
        var holder = await IndividualAsync(buyer);
        await (await BuyAsync(holder, lot, count)).EnsureOkAsync();
        return (vendor, eventId, lot, holder);
    }

    [Fact]
    public async Task Each_ticket_bought_gets_its_own_signed_code()
    {
        var (_, eventId, _, buyer) = await HeldTicketsAsync(count: 3);

        var tickets = await TicketsAsync(buyer);

        Assert.Equal(3, tickets.Length);
        Assert.Equal(3, tickets.Select(t => t.UnitId).Distinct().Count());
        Assert.All(tickets, t => Assert.Equal((eventId, 1, (DateTime?)null), (t.EventId, t.Generation, t.CheckedInAt)));
    }

    [Fact]
    public async Task A_valid_code_is_admitted_once_and_then_answers_already_used_with_when()
    {
        var (vendor, eventId, _, buyer) = await HeldTicketsAsync();
        var ticket = Assert.Single(await TicketsAsync(buyer));

        var first = await ScanAsync(vendor, eventId, ticket.Code);
        var second = await ScanAsync(vendor, eventId, ticket.Code);

        Assert.Equal(("valid", ticket.UnitId, "Floor", "GA", 1), (first.Verdict, first.UnitId, first.Section, first.Seat, first.Entered));
        Assert.Equal("already_used", second.Verdict);
        Assert.NotNull(second.CheckedInAt);
        Assert.Equal(first.CheckedInAt, second.CheckedInAt);
        Assert.Equal(1, second.Entered);
    }

    [Fact]
    public async Task A_code_signed_with_another_key_is_forged()
    {
        var (vendor, eventId, _, buyer) = await HeldTicketsAsync();
        var ticket = Assert.Single(await TicketsAsync(buyer));
        using var otherKey = PlatformKey.FromPrivateKey(Convert.FromBase64String(PlatformKey.NewPrivateKeyText()));
        var ownerId = await OwnerIdAsync(ticket.UnitId);
        var forged = new TicketCode(ticket.UnitId, eventId, ownerId, 1).Seal(otherKey);

        var verdict = await ScanAsync(vendor, eventId, forged);

        Assert.Equal(("forged", 0), (verdict.Verdict, verdict.Entered));
    }

    [Fact]
    public async Task A_code_with_one_character_changed_is_forged()
    {
        var (vendor, eventId, _, buyer) = await HeldTicketsAsync();
        var code = Assert.Single(await TicketsAsync(buyer)).Code;
        var middle = code.Length / 2;
        var tampered = code[..middle] + (code[middle] == 'A' ? 'B' : 'A') + code[(middle + 1)..];

        Assert.Equal("forged", (await ScanAsync(vendor, eventId, tampered)).Verdict);
        Assert.Equal("forged", (await ScanAsync(vendor, eventId, "not a ticket at all")).Verdict);
        Assert.Equal("valid", (await ScanAsync(vendor, eventId, code)).Verdict);   // the control: the untouched code admits
    }

    [Fact]
    public async Task A_code_for_another_event_of_the_same_vendor_is_wrong_event()
    {
        var (vendor, eventId, _, buyer) = await HeldTicketsAsync();
        var otherEvent = await AddEventAsync(vendor, await AddVenueAsync(vendor, name: "Second Hall"), name: "Another Night");
        var code = Assert.Single(await TicketsAsync(buyer)).Code;

        Assert.Equal("wrong_event", (await ScanAsync(vendor, otherEvent, code)).Verdict);
        Assert.Equal("valid", (await ScanAsync(vendor, eventId, code)).Verdict);
    }

    [Fact]
    public async Task After_a_resale_the_sellers_old_code_is_revoked_and_the_new_owners_code_admits()
    {
        var (vendor, eventId, lot, seller) = await HeldTicketsAsync(buyer: "seller1");
        var oldCode = Assert.Single(await TicketsAsync(seller)).Code;
        var listing = await (await SellAsync(seller, lot, 1)).Content.ReadFromJsonAsync<ListingBody>(Ct);
        var buyer = await IndividualAsync("buyer2");
        await (await BuyAsync(buyer, lot, 1, listing!.ListingId)).EnsureOkAsync();

        var newTicket = Assert.Single(await TicketsAsync(buyer));

        Assert.Empty(await TicketsAsync(seller));
        Assert.Equal(2, newTicket.Generation);
        Assert.Equal("revoked", (await ScanAsync(vendor, eventId, oldCode)).Verdict);
        Assert.Equal("valid", (await ScanAsync(vendor, eventId, newTicket.Code)).Verdict);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_listed_ticket_shows_no_code_and_is_refused_at_the_door_until_the_listing_is_cancelled()
    {
        var (vendor, eventId, lot, seller) = await HeldTicketsAsync(count: 2, buyer: "seller1");
        var codes = (await TicketsAsync(seller)).Select(t => t.Code).ToHashSet();
        var listing = await (await SellAsync(seller, lot, 1)).Content.ReadFromJsonAsync<ListingBody>(Ct);

        var shown = Assert.Single(await TicketsAsync(seller));
        var hidden = Assert.Single(codes, c => c != shown.Code);
        Assert.Equal("revoked", (await ScanAsync(vendor, eventId, hidden)).Verdict);

        await (await seller.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing!.ListingId}", Ct)).EnsureOkAsync();

        Assert.Equal(codes, (await TicketsAsync(seller)).Select(t => t.Code).ToHashSet());   // the same codes are back
        Assert.Equal("valid", (await ScanAsync(vendor, eventId, hidden)).Verdict);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task A_ticket_used_at_the_door_cannot_be_listed_for_resale()
    {
        var (vendor, eventId, lot, seller) = await HeldTicketsAsync(buyer: "seller1");
        await ScanAsync(vendor, eventId, Assert.Single(await TicketsAsync(seller)).Code);

        var response = await SellAsync(seller, lot, 1);

        Assert.Equal("insufficient_quantity", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        await InvariantAudit.AssertHoldsAsync(App.Database);
    }

    [Fact]
    public async Task The_revocation_list_names_resold_and_listed_tickets_for_offline_scanners()
    {
        var (vendor, eventId, lot, seller) = await HeldTicketsAsync(count: 3, buyer: "seller1");
        var sold = await (await SellAsync(seller, lot, 1)).Content.ReadFromJsonAsync<ListingBody>(Ct);
        await (await BuyAsync(await IndividualAsync("buyer2"), lot, 1, sold!.ListingId)).EnsureOkAsync();
        await SellAsync(seller, lot, 1);   // listed, not sold
        var kept = Assert.Single(await TicketsAsync(seller));

        var list = await vendor.GetFromJsonAsync<RevocationBody>($"/api/tickets/view-revoked-codes?event-id={eventId}", Ct);

        Assert.Equal(eventId, list!.EventId);
        Assert.Equal([2, 2], list.Revoked.Select(r => r.RevokedBelow).Order());   // generation 1 of both: the resold and the listed one
        Assert.DoesNotContain(list.Revoked, r => r.UnitId == kept.UnitId);
    }

    [Fact]
    public async Task Twenty_doors_scanning_one_code_at_the_same_moment_admit_it_once()
    {
        var (vendor, eventId, _, buyer) = await HeldTicketsAsync();
        var code = Assert.Single(await TicketsAsync(buyer)).Code;
        using var start = new SemaphoreSlim(0);

        var scans = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync(Ct);
            return await ScanAsync(vendor, eventId, code);
        }).ToList();
        start.Release(scans.Count);
        var verdicts = await Task.WhenAll(scans);

        Assert.Single(verdicts, v => v.Verdict == "valid");
        Assert.Equal(19, verdicts.Count(v => v.Verdict == "already_used"));
        await using var db = App.Database.CreateContext();
        Assert.Equal(1, db.TicketUnits.Count(u => u.EventId == eventId && u.CheckedInAtUtc != null));
    }

    [Fact]
    public async Task Another_vendor_cannot_check_in_at_this_event()
    {
        var (_, eventId, _, buyer) = await HeldTicketsAsync();
        var other = await VendorAsync("vendor2");

        var response = await other.PostAsJsonAsync("/api/tickets/check-in", new { eventId, code = Assert.Single(await TicketsAsync(buyer)).Code }, Ct);

        Assert.Equal("not_owner", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
        await using var db = App.Database.CreateContext();
        Assert.False(db.TicketUnits.Any(u => u.CheckedInAtUtc != null));
    }

    [Fact]
    public async Task A_scanner_verifies_a_code_offline_with_the_published_key()
    {
        var (_, eventId, _, buyer) = await HeldTicketsAsync();
        var ticket = Assert.Single(await TicketsAsync(buyer));

        var jwks = await Anonymous.GetFromJsonAsync<System.Text.Json.JsonElement>("/.well-known/tickethub-ticket-key", Ct);
        var jwk = jwks.GetProperty("keys")[0];
        var publicKey = Convert.FromBase64String(jwk.GetProperty("x").GetString()!.Replace('-', '+').Replace('_', '/') + "=");

        Assert.Equal(("OKP", "Ed25519"), (jwk.GetProperty("kty").GetString(), jwk.GetProperty("crv").GetString()));
        var opened = TicketCode.Open(publicKey, ticket.Code);
        Assert.Equal((ticket.UnitId, eventId, 1), (opened!.UnitId, opened.EventId, opened.Generation));
        using var otherKey = PlatformKey.FromPrivateKey(Convert.FromBase64String(PlatformKey.NewPrivateKeyText()));
        Assert.Null(TicketCode.Open(otherKey.PublicKey, ticket.Code));
    }

    [Fact]
    public async Task A_check_in_without_a_code_is_a_validation_failure()
    {
        var (vendor, eventId) = await VendorWithEventAsync();

        var response = await vendor.PostAsJsonAsync("/api/tickets/check-in", new { eventId }, Ct);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    private async Task<string> OwnerIdAsync(string unitId)
    {
        await using var db = App.Database.CreateContext();
        return db.TicketUnits.Where(u => u.Id == unitId).Select(u => u.OwnerId).Single();
    }
}
