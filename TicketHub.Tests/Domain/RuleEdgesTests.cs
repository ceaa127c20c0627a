using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class RuleEdgesOnSqlite() : RuleEdgesTests(DatabaseProvider.Sqlite);
public sealed class RuleEdgesOnPostgres() : RuleEdgesTests(DatabaseProvider.Postgres);

/// <summary>
/// The edges of the trading rules: the instant an event starts, exactly what is left, ties in what an event offers,
/// what browsing shows right after a change, what a refusal says, and what a sign-in that cannot be right costs.
/// </summary>
public abstract class RuleEdgesTests(DatabaseProvider provider) : DomainTest(provider)
{
    protected override void ConfigureServices(IServiceCollection services) => CrashingGateway.Install(services);

    // Whole seconds, so both databases keep the start exactly.
    private static DateTimeOffset Start => new(DateTimeOffset.UtcNow.AddDays(30).UtcTicks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private async Task<(string Vendor, string EventId, DateTimeOffset Start)> EventAsync()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var start = Start;
        return (vendor, await Data.EventAsync(vendor, await Data.VenueAsync(vendor), start), start);
    }

    [Fact]
    public async Task At_the_instant_an_event_starts_nothing_more_is_bought_listed_or_uploaded()
    {
        var (vendor, ev, start) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 10, 5m);
        var fan = await AccountAsync("fan", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 2), Ct)).IsSuccess);

        Clock.Freeze(start);

        Assert.Equal(ErrorCodes.EventInPast, (await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 1), Ct)).Error?.Code);
        Assert.Equal(ErrorCodes.EventInPast, (await Service<ResaleService>().SellAsync(fan, new SellCommand(lot, 1, null), Ct)).Error?.Code);
        Assert.Equal(ErrorCodes.EventInPast,
            (await Service<TicketInventoryService>().UploadAsync(vendor, new UploadTicketCommand(ev, 1, null, "B", 1m), Ct)).Error?.Code);
    }

    [Fact]
    public async Task The_reconciler_takes_an_order_exactly_as_old_as_the_grace_period()
    {
        var (vendor, ev, start) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 10, 5m);
        var fan = await AccountAsync("fan", UserType.Individual);
        Clock.Freeze(start.AddDays(-1));
        ((CrashingGateway)Service<IPaymentGateway>()).CrashBeforeCharging = true;
        Assert.Equal(ErrorCodes.PaymentUnavailable, (await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 1), Ct)).Error?.Code);

        Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(1, await Service<PendingOrderReconciliation>().ReconcileAsync(TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task A_removal_of_everything_left_by_count_spans_every_bucket()
    {
        var (vendor, ev, _) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 1_000, 5m);   // four buckets of 250

        var removed = await Service<TicketInventoryService>().RemoveAsync(vendor, lot, 1_000, Ct);

        Assert.Equal((1_000, 0), (removed.Value?.Removed, removed.Value?.Remaining));
    }

    [Fact]
    public async Task A_blank_listing_id_buys_from_the_vendor_and_replays_as_the_same_purchase()
    {
        var (vendor, ev, _) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 10, 5m);
        var fan = await AccountAsync("fan", UserType.Individual);

        var bought = await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 2, " ", IdempotencyKey: "k"), Ct);
        var again = await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 2, null, IdempotencyKey: "k"), Ct);

        Assert.True(bought.IsSuccess, bought.Error?.Message);
        Assert.Null(bought.Value.ListingId);
        Assert.Equal(bought.Value, again.Value);
    }

    [Fact]
    public async Task An_event_offers_lots_of_one_price_by_section_and_seat_and_listings_of_one_price_oldest_first()
    {
        var (vendor, ev, _) = await EventAsync();
        var b2 = await Data.LotAsync(vendor, ev, 5, 10m, "B", "2");
        var a9 = await Data.LotAsync(vendor, ev, 5, 10m, "A", "9");
        var b1 = await Data.LotAsync(vendor, ev, 5, 10m, "B", "1");
        var seller = await AccountAsync("seller", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(a9, 5), Ct)).IsSuccess);
        var first = (await Service<ResaleService>().SellAsync(seller, new SellCommand(a9, 1, 8m), Ct)).Value!.ListingId;
        Clock.Advance(TimeSpan.FromSeconds(1));
        var second = (await Service<ResaleService>().SellAsync(seller, new SellCommand(a9, 1, 8m), Ct)).Value!.ListingId;
        var soldOut = (await Service<ResaleService>().SellAsync(seller, new SellCommand(a9, 1, 7m), Ct)).Value!.ListingId;
        var buyer = await AccountAsync("buyer", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(a9, 1, soldOut), Ct)).IsSuccess);

        var listings = (await Service<TicketInventoryService>().EventListingsAsync(ev, Ct)).Value!;

        Assert.Equal([a9, b1, b2], listings.Primary.Select(p => p.TicketId));
        Assert.Equal([first, second], listings.Resale.Select(r => r.ListingId));   // the sold-out listing is not offered
    }

    [Fact]
    public async Task Browsing_shows_a_new_listing_a_cancelled_one_an_upload_and_a_removal_at_once()
    {
        var (vendor, ev, _) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 10, 5m, "A", "1");
        var fan = await AccountAsync("fan", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 3), Ct)).IsSuccess);
        var inventory = Service<TicketInventoryService>();
        async Task<EventListings> OnSaleAsync() => (await inventory.EventListingsAsync(ev, Ct)).Value!;
        await OnSaleAsync();   // cached from here on

        var listing = (await Service<ResaleService>().SellAsync(fan, new SellCommand(lot, 2, null), Ct)).Value!.ListingId;
        Assert.Equal(listing, Assert.Single((await OnSaleAsync()).Resale).ListingId);
        await Service<ResaleService>().CancelAsync(fan, listing, Ct);
        Assert.Empty((await OnSaleAsync()).Resale);
        var second = (await inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 4, "B", "1", 6m), Ct)).Value!;
        Assert.Equal([lot, second], (await OnSaleAsync()).Primary.Select(p => p.TicketId));
        await inventory.RemoveAsync(vendor, second, 3, Ct);
        Assert.Equal(1, (await OnSaleAsync()).Primary.Single(p => p.TicketId == second).Available);
    }

    [Fact]
    public async Task A_cancelled_listing_is_no_offer()
    {
        var (vendor, ev, _) = await EventAsync();
        var lot = await Data.LotAsync(vendor, ev, 10, 5m);
        var fan = await AccountAsync("fan", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(fan, new BuyCommand(lot, 2), Ct)).IsSuccess);
        var listing = (await Service<ResaleService>().SellAsync(fan, new SellCommand(lot, 1, null), Ct)).Value!.ListingId;
        await Service<ResaleService>().CancelAsync(fan, listing, Ct);

        Assert.Equal(ErrorCodes.NotFound, (await Service<TicketInventoryService>().OfferAsync(lot, listing, Ct)).Error?.Code);
    }

    [Fact]
    public void Refusals_say_why_in_words()
    {
        Assert.Equal("The payment service did not answer. Your order is pending and will be settled shortly; you will not be charged twice.",
            PurchaseErrors.PaymentUnavailable.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), PurchaseErrors.PaymentUnavailable.RetryAfter);
        Assert.Equal("Only individual accounts can buy or sell tickets.", PurchaseErrors.OnlyIndividuals.Message);
        Assert.Equal("You cannot buy your own resale listing.", PurchaseErrors.OwnListing.Message);
        Assert.Equal("This Idempotency-Key was already used for a different purchase.", PurchaseErrors.KeyReused.Message);
        Assert.Equal("The payment was declined. Nothing was charged and no tickets were sold.", PurchaseErrors.PaymentDeclined(null).Message);
        Assert.Equal("A buyer may buy at most 10 tickets per event; you can buy 0 more.", PurchaseErrors.LimitExceeded(12).Message);
    }

    [Fact]
    public async Task A_password_no_account_can_have_is_not_checked_and_does_not_count_towards_the_lockout()
    {
        await Data.AccountAsync("alice", UserType.Individual);

        for (var i = 0; i < AccountRules.MaxFailedLogins; i++)
            await RequestService<AccountService>().CheckCredentialsAsync("alice", new string('p', AccountRules.PasswordMaxLength + 1), Ct);

        Assert.True((await RequestService<AccountService>().CheckCredentialsAsync("alice", TestData.Password, Ct)).IsSuccess);
        Assert.Equal(AccountErrors.InvalidCredentials,
            (await RequestService<AccountService>().CheckCredentialsAsync("alice", new string('p', AccountRules.PasswordMaxLength), Ct)).Error);
    }

    [Fact]
    public async Task A_changed_password_or_a_disabled_account_shows_in_its_standing_at_once_on_this_node()
    {
        var user = await Data.AccountAsync("alice", UserType.Individual);
        var standing = Service<AccountStatusCache>();
        var before = await standing.GetAsync(user.UserId, Ct);

        Assert.True((await RequestService<AccountService>().ChangePasswordAsync(user.UserId, new ChangePasswordCommand(TestData.Password, "another-horse-2"), Ct)).IsSuccess);
        var changed = await standing.GetAsync(user.UserId, Ct);
        Assert.True((await RequestService<AccountAdminService>().DisableAsync("admin-id", user.UserId, Ct)).IsSuccess);
        var disabled = await standing.GetAsync(user.UserId, Ct);

        Assert.NotEqual(before!.SecurityStamp, changed!.SecurityStamp);
        Assert.Equal((AccountStatus.Active, AccountStatus.Disabled), (changed.Status, disabled!.Status));
    }
}
