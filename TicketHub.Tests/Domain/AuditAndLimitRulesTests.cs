using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class AuditAndLimitRulesOnSqlite() : AuditAndLimitRulesTests(DatabaseProvider.Sqlite);
public sealed class AuditAndLimitRulesOnPostgres() : AuditAndLimitRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// What the trading, inventory and account services write to the audit log for each outcome, and that a refused
/// per-user rate limit stops an action before it does anything (and is audited as such).
/// </summary>
public abstract class AuditAndLimitRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    private static void Entry(AuditEntry entry, AuditOutcome outcome, string? actor, string? targetType, string? targetId, string? detail) =>
        Assert.Equal((outcome, actor, targetType, targetId, detail), (entry.Outcome, entry.ActorId, entry.TargetType, entry.TargetId, entry.Detail));

    private async Task<(EventOnSale Sale, string Buyer)> SaleAsync()
    {
        var sale = await Data.EventOnSaleAsync(price: 45.5m);
        return (sale, await AccountAsync("fan", UserType.Individual));
    }

    [Fact]
    public async Task A_purchase_is_audited_with_its_order_what_it_bought_and_how_it_ended()
    {
        var (sale, buyer) = await SaleAsync();
        var paid = (await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 3), Ct)).Value!;
        var listing = (await Service<ResaleService>().SellAsync(buyer, new SellCommand(sale.LotId, 2, 40m), Ct)).Value!.ListingId;
        var other = await AccountAsync("other", UserType.Individual);
        var resold = (await Service<PurchaseService>().BuyAsync(other, new BuyCommand(sale.LotId, 1, listing), Ct)).Value!;
        await Service<PurchaseService>().BuyAsync(other, new BuyCommand(sale.LotId, 1, PaymentMethod: "pm_card_chargeDeclined"), Ct);
        await Service<PurchaseService>().BuyAsync(other, new BuyCommand(sale.LotId, 1, listing, "pm_card_chargeDeclined"), Ct);

        var entries = await AuditAsync(AuditActions.Purchase);

        Assert.Equal(4, entries.Count);
        Entry(entries[0], AuditOutcome.Succeeded, buyer, "order", paid.OrderId, $"lot {sale.LotId}: 3 for 136.5 EUR, paid");
        Entry(entries[1], AuditOutcome.Succeeded, other, "order", resold.OrderId, $"listing {listing}: 1 for 40 EUR, paid");
        Entry(entries[2], AuditOutcome.Failed, other, "order", sale.LotId, ErrorCodes.PaymentDeclined);
        Entry(entries[3], AuditOutcome.Failed, other, "order", listing, ErrorCodes.PaymentDeclined);
    }

    [Fact]
    public async Task A_rate_limited_purchase_reserves_nothing_and_is_audited_against_the_lot()
    {
        var (sale, buyer) = await SaleAsync();
        Limits.Refuse(LimitedAction.Trading);

        var bought = await Service<PurchaseService>().BuyAsync(buyer, new BuyCommand(sale.LotId, 1), Ct);

        Assert.Equal((ErrorCodes.RateLimited, ErrorKind.RateLimited, ScriptedLimits.RetryAfter), (bought.Error?.Code, bought.Error?.Kind, bought.Error?.RetryAfter));
        Assert.Equal(20, (await Service<TicketInventoryService>().OfferAsync(sale.LotId, null, Ct)).Value!.Available);
        Entry(Assert.Single(await AuditAsync(AuditActions.Purchase)), AuditOutcome.Failed, buyer, "lot", sale.LotId, ErrorCodes.RateLimited);
    }

    [Fact]
    public async Task Listings_are_audited_when_created_refused_and_cancelled()
    {
        var (sale, seller) = await SaleAsync();
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(sale.LotId, 3), Ct)).IsSuccess);
        var resale = Service<ResaleService>();
        var listing = (await resale.SellAsync(seller, new SellCommand(sale.LotId, 2, 40m), Ct)).Value!.ListingId;
        await resale.SellAsync(seller, new SellCommand(sale.LotId, 5, null), Ct);
        await resale.CancelAsync(seller, listing, Ct);
        await resale.CancelAsync(seller, listing, Ct);

        var created = await AuditAsync(AuditActions.ListingCreated);
        var cancelled = await AuditAsync(AuditActions.ListingCancelled);

        Entry(created[0], AuditOutcome.Succeeded, seller, "listing", listing, $"lot {sale.LotId}: 2 at 40");
        Entry(created[1], AuditOutcome.Failed, seller, "listing", sale.LotId, ErrorCodes.InsufficientQuantity);
        Entry(cancelled[0], AuditOutcome.Succeeded, seller, "listing", listing, "2 returned to the holding");
        Entry(cancelled[1], AuditOutcome.Failed, seller, "listing", listing, ErrorCodes.NotFound);
    }

    [Fact]
    public async Task Rate_limited_listings_change_nothing_and_are_audited()
    {
        var (sale, seller) = await SaleAsync();
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(sale.LotId, 3), Ct)).IsSuccess);
        var listing = (await Service<ResaleService>().SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct)).Value!.ListingId;
        Limits.Refuse(LimitedAction.Trading);

        var sell = await Service<ResaleService>().SellAsync(seller, new SellCommand(sale.LotId, 1, null), Ct);
        var cancel = await Service<ResaleService>().CancelAsync(seller, listing, Ct);

        Assert.Equal((ErrorCodes.RateLimited, ErrorCodes.RateLimited), (sell.Error?.Code, cancel.Error?.Code));
        Assert.Equal((2, 1), (Assert.Single(await Service<HoldingService>().HoldingsAsync(seller, Ct)).Count,
            Assert.Single(await Service<HoldingService>().HoldingsAsync(seller, Ct)).ListedCount));
        Entry((await AuditAsync(AuditActions.ListingCreated))[^1], AuditOutcome.Failed, seller, "lot", sale.LotId, ErrorCodes.RateLimited);
        Entry(Assert.Single(await AuditAsync(AuditActions.ListingCancelled)), AuditOutcome.Failed, seller, "listing", listing, ErrorCodes.RateLimited);
    }

    [Fact]
    public async Task Uploads_and_removals_are_audited_with_what_they_did()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var ev = await Data.EventAsync(vendor, await Data.VenueAsync(vendor), DateTimeOffset.UtcNow.AddDays(20));
        var inventory = Service<TicketInventoryService>();
        var lot = (await inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 10, null, "GA", 12.5m), Ct)).Value!;
        await inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 0, null, "GA", 1m), Ct);
        await inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, null, "B", 1, 3, 5m), Ct);
        await inventory.RemoveAsync(vendor, lot, 4, Ct);

        var uploaded = await AuditAsync(AuditActions.TicketsUploaded);
        var removed = await AuditAsync(AuditActions.TicketsRemoved);

        Entry(uploaded[0], AuditOutcome.Succeeded, vendor, "lot", lot, $"event {ev}: 10 x 12.5");
        Entry(uploaded[1], AuditOutcome.Failed, vendor, "lot", ev, ErrorCodes.ValidationFailed);
        Entry(uploaded[2], AuditOutcome.Succeeded, vendor, "event", ev, "seat block: 3 lot(s)");
        Entry(Assert.Single(removed), AuditOutcome.Succeeded, vendor, "lot", lot, "removed 4, 6 left");
    }

    [Fact]
    public async Task Rate_limited_catalogue_writes_change_nothing_and_are_audited()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var ev = await Data.EventAsync(vendor, await Data.VenueAsync(vendor), DateTimeOffset.UtcNow.AddDays(20));
        var lot = await Data.LotAsync(vendor, ev, 10, 1m);
        Limits.Refuse(LimitedAction.CatalogWrite);
        var inventory = Service<TicketInventoryService>();

        var upload = await inventory.UploadAsync(vendor, new UploadTicketCommand(ev, 10, null, "A", 1m), Ct);
        var block = await inventory.UploadSeatBlockAsync(vendor, new UploadSeatBlockCommand(ev, null, "B", 1, 3, 5m), Ct);
        var remove = await inventory.RemoveAsync(vendor, lot, null, Ct);

        Assert.All([upload.Error, block.Error, remove.Error], e => Assert.Equal(ErrorCodes.RateLimited, e?.Code));
        Assert.Equal(10, Assert.Single(await inventory.VendorLotsAsync(vendor, ct: Ct)).Remaining);
        var uploaded = await AuditAsync(AuditActions.TicketsUploaded);
        Entry(uploaded[^2], AuditOutcome.Failed, vendor, "event", ev, ErrorCodes.RateLimited);
        Entry(uploaded[^1], AuditOutcome.Failed, vendor, "event", ev, ErrorCodes.RateLimited);
        Entry(Assert.Single(await AuditAsync(AuditActions.TicketsRemoved)), AuditOutcome.Failed, vendor, "lot", lot, ErrorCodes.RateLimited);
    }

    [Fact]
    public async Task Sign_ups_sign_ins_and_lockouts_are_audited_with_why_they_failed()
    {
        var accounts = () => RequestService<AccountService>();
        var user = (await accounts().RegisterAsync(new RegisterCommand("alice", "Alice", "A", TestData.Password, "individual"), Ct)).Value!;
        var vendor = (await accounts().RegisterAsync(new RegisterCommand("vera", "Vera", "V", TestData.Password, "vendor"), Ct)).Value!;
        await accounts().CheckCredentialsAsync("alice", TestData.Password, Ct);
        await accounts().CheckCredentialsAsync("nobody", TestData.Password, Ct);
        await accounts().CheckCredentialsAsync(new string('x', 16), TestData.Password, Ct);
        for (var i = 0; i < AccountRules.MaxFailedLogins; i++) await accounts().CheckCredentialsAsync("alice", "wrong-password-1", Ct);
        await accounts().CheckCredentialsAsync("alice", TestData.Password, Ct);

        var signUps = await AuditAsync(AuditActions.SignUp);
        var signIns = await AuditAsync(AuditActions.SignIn);
        var lockouts = await AuditAsync(AuditActions.Lockout);

        Entry(signUps[0], AuditOutcome.Succeeded, user.UserId, "account", user.UserId, "individual, Active");
        Entry(signUps[1], AuditOutcome.Succeeded, vendor.UserId, "account", vendor.UserId, "vendor, PendingApproval");
        Assert.Equal(["alice", "vera"], signUps.Select(e => e.ActorName));
        Entry(signIns[0], AuditOutcome.Succeeded, user.UserId, "account", user.UserId, null);
        Entry(signIns[1], AuditOutcome.Failed, null, null, null, "unknown_user");
        Entry(signIns[2], AuditOutcome.Failed, null, null, null, "impossible_credentials");
        Assert.All(signIns.Skip(3).Take(AccountRules.MaxFailedLogins), e => Entry(e, AuditOutcome.Failed, user.UserId, "account", user.UserId, "wrong_password"));
        Entry(signIns[^1], AuditOutcome.Failed, user.UserId, "account", user.UserId, "locked_out");
        Assert.Equal(["alice", "nobody"], signIns.Take(2).Select(e => e.ActorName));
        Entry(Assert.Single(lockouts), AuditOutcome.Succeeded, user.UserId, "account", user.UserId, "5 failed sign-ins; locked for 5 minutes");
    }

    [Fact]
    public async Task A_rate_limited_sign_in_is_not_checked_and_is_audited_but_a_blank_username_is_not_limited()
    {
        await Data.AccountAsync("alice", UserType.Individual);
        Limits.Refuse(LimitedAction.SignIn);

        var limited = await RequestService<AccountService>().CheckCredentialsAsync("alice", TestData.Password, Ct);
        var blank = await RequestService<AccountService>().CheckCredentialsAsync("", TestData.Password, Ct);

        Assert.Equal(ErrorCodes.RateLimited, limited.Error?.Code);
        Assert.Equal(AccountErrors.InvalidCredentials, blank.Error);
        var signIns = await AuditAsync(AuditActions.SignIn);
        Entry(signIns[0], AuditOutcome.Failed, null, null, null, ErrorCodes.RateLimited);
        Assert.Equal("alice", signIns[0].ActorName);
        Entry(signIns[1], AuditOutcome.Failed, null, null, null, "impossible_credentials");
    }

    [Fact]
    public async Task Password_changes_and_a_disabled_sign_in_are_audited()
    {
        var user = await Data.AccountAsync("alice", UserType.Individual);
        await RequestService<AccountService>().ChangePasswordAsync(user.UserId, new ChangePasswordCommand("wrong-password-1", "another-horse-2"), Ct);
        await RequestService<AccountService>().ChangePasswordAsync(user.UserId, new ChangePasswordCommand(TestData.Password, "another-horse-2"), Ct);
        await RequestService<AccountAdminService>().DisableAsync("admin-id", user.UserId, Ct);
        await RequestService<AccountService>().CheckCredentialsAsync("alice", "another-horse-2", Ct);

        var changes = await AuditAsync(AuditActions.PasswordChanged);
        var disabled = await AuditAsync(AuditActions.AccountDisabled);

        Entry(changes[0], AuditOutcome.Failed, user.UserId, "account", user.UserId, "wrong_current_password");
        Entry(changes[1], AuditOutcome.Succeeded, user.UserId, "account", user.UserId, null);
        Entry(Assert.Single(disabled), AuditOutcome.Succeeded, "admin-id", "account", user.UserId, "alice is now Disabled");
        Entry((await AuditAsync(AuditActions.SignIn))[^1], AuditOutcome.Failed, user.UserId, "account", user.UserId, "Disabled");
    }

    [Fact]
    public async Task Refused_administration_and_the_configured_administrator_are_audited()
    {
        var user = await Data.AccountAsync("alice", UserType.Individual);
        await RequestService<AccountAdminService>().ApproveVendorAsync("admin-id", user.UserId, Ct);
        await RequestService<AccountAdminService>().EnsureAdministratorAsync("root", "an-admin-password-1", Ct);

        Entry(Assert.Single(await AuditAsync(AuditActions.VendorApproved)), AuditOutcome.Failed, "admin-id", "account", user.UserId, ErrorCodes.InvalidState);
        var root = (await AuditAsync(AuditActions.SignUp))[^1];
        Assert.Equal(("admin from configuration", "root"), (root.Detail, root.ActorName));
    }
}
