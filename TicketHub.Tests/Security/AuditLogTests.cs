using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class AuditLogOnSqlite() : AuditLogTests(DatabaseProvider.Sqlite);
public sealed class AuditLogOnPostgres() : AuditLogTests(DatabaseProvider.Postgres);

/// <summary>Security-relevant events are stored with who, from where, what, which object and how it ended — never a secret.</summary>
public abstract class AuditLogTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Vendors:AutoApprove"] = "false",
        ["Admin:Username"] = "auditor",
        ["Admin:Password"] = "an-admin-passphrase-7",
        ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
    };

    [Fact]
    public async Task Sign_up_and_sign_in_successes_and_failures_are_recorded_with_the_client_address()
    {
        var client = App.CreateClient().From("198.51.100.60");
        await (await client.PutAsJsonAsync("/api/users/create-user",
            new { username = "alice", firstName = "A", lastName = "L", password = Password, userType = "individual" }, Ct)).EnsureOkAsync();
        await client.PostAsJsonAsync("/api/users/login", new { username = "alice", password = "the-wrong-secret-1" }, Ct);
        await (await client.PostAsJsonAsync("/api/users/login", new { username = "alice", password = Password }, Ct)).EnsureOkAsync();

        var entries = await EntriesAsync();

        var alice = await UserIdAsync("alice");
        Assert.Contains(entries, e => e is { Action: AuditActions.SignUp, Outcome: AuditOutcome.Succeeded, ClientAddress: "198.51.100.60" } && e.ActorId == alice);
        Assert.Contains(entries, e => e is { Action: AuditActions.SignIn, Outcome: AuditOutcome.Failed, Detail: "wrong_password" } && e.ActorId == alice);
        Assert.Contains(entries, e => e is { Action: AuditActions.SignIn, Outcome: AuditOutcome.Succeeded } && e.ActorId == alice);
        AssertNoSecret(entries, Password, "the-wrong-secret-1");
    }

    [Fact]
    public async Task A_lockout_is_recorded_once()
    {
        await IndividualAsync("bob");
        for (var i = 0; i < AccountRules.MaxFailedLogins; i++)
            await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "bob", password = "the-wrong-secret-2" }, Ct);

        var entries = await EntriesAsync();

        Assert.Single(entries, e => e.Action == AuditActions.Lockout);
        AssertNoSecret(entries, "the-wrong-secret-2");
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_address_recorded_is_the_one_it_forwarded()
    {
        var client = App.CreateClient().From("10.1.2.3");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        await client.PostAsJsonAsync("/api/users/login", new { username = "ghost", password = "whatever-you-say" }, Ct);

        Assert.Contains(await EntriesAsync(), e => e is { Action: AuditActions.SignIn, ActorName: "ghost", ClientAddress: "203.0.113.77" });
    }

    [Fact]
    public async Task An_untrusted_client_cannot_forge_its_address()
    {
        var client = App.CreateClient().From("198.51.100.61");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.78");

        await client.PostAsJsonAsync("/api/users/login", new { username = "ghost2", password = "whatever-you-say" }, Ct);

        Assert.Contains(await EntriesAsync(), e => e is { Action: AuditActions.SignIn, ActorName: "ghost2", ClientAddress: "198.51.100.61" });
    }

    [Fact]
    public async Task Vendor_approval_catalogue_writes_uploads_and_removals_are_recorded()
    {
        var vendor = await VendorAsync("vera");
        var veraId = await UserIdAsync("vera");
        await (await vendor.PutAsJsonAsync("/api/tickets/add-performer", new { name = "Too Early" }, Ct)).ReadProblemAsync(HttpStatusCode.Forbidden);
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdminService>().ApproveVendorAsync(await UserIdAsync("auditor"), veraId, Ct);
        var venueId = await AddVenueAsync(vendor);
        var performerId = await AddPerformerAsync(vendor);
        var eventId = await AddEventAsync(vendor, venueId, performerIds: [performerId]);
        var lot = await UploadAsync(vendor, eventId, count: 10);
        await (await vendor.DeleteAsync($"/api/tickets/remove-ticket?ticket-id={lot}&count=3", Ct)).EnsureOkAsync();

        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e is { Action: AuditActions.VendorApproved, TargetId: var t } && t == veraId);
        Assert.Contains(entries, e => e.Action == AuditActions.VenueAdded && e.TargetId == venueId && e.ActorId == veraId);
        Assert.Contains(entries, e => e.Action == AuditActions.PerformerAdded && e.TargetId == performerId);
        Assert.Contains(entries, e => e.Action == AuditActions.EventAdded && e.TargetId == eventId);
        Assert.Contains(entries, e => e.Action == AuditActions.TicketsUploaded && e.TargetId == lot && e.Outcome == AuditOutcome.Succeeded);
        Assert.Contains(entries, e => e.Action == AuditActions.TicketsRemoved && e.TargetId == lot && e.Detail!.Contains("removed 3"));
    }

    [Fact]
    public async Task Purchases_listings_and_cancellations_are_recorded_with_their_outcome()
    {
        var (vendor, eventId) = await ApprovedVendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 10);
        var buyer = await IndividualAsync("carol");
        var carol = await UserIdAsync("carol");
        var order = await (await BuyAsync(buyer, lot, 2)).ReadOkAsync<OrderBody>();
        await (await BuyAsync(buyer, lot, 1, paymentMethod: "pm_card_chargeDeclined")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var listing = await (await SellAsync(buyer, lot, 1)).ReadOkAsync<ListingBody>();
        await (await buyer.DeleteAsync($"/api/tickets/cancel-listing?listing-id={listing.ListingId}", Ct)).EnsureOkAsync();

        var entries = await EntriesAsync();

        Assert.Contains(entries, e => e is { Action: AuditActions.Purchase, Outcome: AuditOutcome.Succeeded } && e.TargetId == order.OrderId && e.ActorId == carol);
        Assert.Contains(entries, e => e is { Action: AuditActions.Purchase, Outcome: AuditOutcome.Failed, Detail: ErrorCodes.PaymentDeclined });
        Assert.Contains(entries, e => e.Action == AuditActions.ListingCreated && e.TargetId == listing.ListingId);
        Assert.Contains(entries, e => e.Action == AuditActions.ListingCancelled && e.TargetId == listing.ListingId);
        AssertNoSecret(entries, "pm_card_chargeDeclined", "pm_card_visa");
    }

    [Fact]
    public async Task Administrators_query_the_log_by_action_and_actor_newest_first()
    {
        await IndividualAsync("dave");
        await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "dave", password = "the-wrong-secret-3" }, Ct);
        await App.Services.GetRequiredService<AuditWriter>().FlushAsync(Ct);
        await using var scope = App.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<AuditLogService>();

        var page = await log.SearchAsync(new AuditQuery(AuditActions.SignIn, Actor: "dave"), new PageRequest(1, 50), Ct);

        var entries = page.Value!.Items;
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(AuditActions.SignIn, e.Action));
        Assert.All(entries, e => Assert.Equal("dave", e.ActorName));
        Assert.Equal(entries.OrderByDescending(e => e.AtUtc).Select(e => e.Id), entries.Select(e => e.Id));
    }

    [Fact]
    public async Task The_audit_page_is_for_administrators_only()
    {
        await IndividualAsync("eve");
        var admin = await SignInBrowserAsync("auditor", "an-admin-passphrase-7");
        var eve = await SignInBrowserAsync("eve");

        var adminPage = await admin.GetStringAsync("/admin/audit", Ct);
        var evePage = await eve.GetAsync("/admin/audit", Ct);

        Assert.Contains("Audit log</h1>", adminPage);
        Assert.Contains("sign_in", adminPage);
        Assert.Equal("/account/access-denied", evePage.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private sealed record OrderBody(string OrderId);
    private sealed record ListingBody(string ListingId);

    private async Task<(HttpClient Vendor, string EventId)> ApprovedVendorWithEventAsync()
    {
        var vendor = await VendorAsync("approved1");
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccountAdminService>().ApproveVendorAsync(null, await UserIdAsync("approved1"), Ct);
        return (vendor, await AddEventAsync(vendor, await AddVenueAsync(vendor)));
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await App.Services.GetRequiredService<AuditWriter>().FlushAsync(Ct);
        await using var db = App.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().ToListAsync(Ct);
    }

    private async Task<string> UserIdAsync(string username)
    {
        await using var db = App.Database.CreateContext();
        return await db.Users.Where(u => u.NormalizedUserName == username.ToUpperInvariant()).Select(u => u.Id).SingleAsync(Ct);
    }

    private static void AssertNoSecret(IEnumerable<AuditEntry> entries, params string[] secrets)
    {
        foreach (var e in entries)
        foreach (var text in new[] { e.Action, e.ActorId, e.ActorName, e.ClientAddress, e.TargetType, e.TargetId, e.Detail })
        foreach (var secret in secrets)
            Assert.False(text?.Contains(secret, StringComparison.Ordinal) == true, $"An audit entry holds a secret: {text}");
    }
}
