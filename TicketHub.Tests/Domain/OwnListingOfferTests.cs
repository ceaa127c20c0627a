using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class OwnListingOfferOnSqlite() : OwnListingOfferTests(DatabaseProvider.Sqlite);
public sealed class OwnListingOfferOnPostgres() : OwnListingOfferTests(DatabaseProvider.Postgres);

/// <summary>What an event offers a buyer: never their own resale listing, which buying would refuse.</summary>
public abstract class OwnListingOfferTests(DatabaseProvider provider) : DomainTest(provider)
{
    [Fact]
    public async Task A_seller_is_not_offered_their_own_listing_and_another_buyer_is()
    {
        var vendor = await AccountAsync("vendor", UserType.Vendor);
        var ev = await EventAsync(vendor, await VenueAsync(vendor, "Europe/Paris"), DateTimeOffset.UtcNow.AddDays(9));
        var lot = await LotAsync(vendor, ev, 10, 40m);
        var seller = await AccountAsync("seller", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(seller, new BuyCommand(lot, 2), Ct)).IsSuccess);
        var listing = await Service<ResaleService>().SellAsync(seller, new SellCommand(lot, 1, 30m), Ct);
        var other = await AccountAsync("other", UserType.Individual);

        var forSeller = await Service<TicketInventoryService>().EventListingsForBuyerAsync(ev, seller, Ct);
        var forOther = await Service<TicketInventoryService>().EventListingsForBuyerAsync(ev, other, Ct);

        Assert.Empty(forSeller.Value!.Resale);
        Assert.Equal(listing.Value!.ListingId, Assert.Single(forOther.Value!.Resale).ListingId);
        Assert.Equal(forOther.Value!.Primary, forSeller.Value!.Primary);
    }
}
