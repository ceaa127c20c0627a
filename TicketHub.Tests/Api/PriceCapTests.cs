using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class PriceCapOnSqlite() : PriceCapTests(DatabaseProvider.Sqlite);
public sealed class PriceCapOnPostgres() : PriceCapTests(DatabaseProvider.Postgres);

/// <summary>Prices stop where a full order would pass what the payment provider can charge.</summary>
public abstract class PriceCapTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Theory]
    [InlineData("USD")]
    [InlineData("JPY")]
    [InlineData("ISK")]
    public async Task A_price_above_the_cap_is_refused_and_the_cap_itself_sells_a_full_order(string currency)
    {
        var vendor = await VendorAsync();
        var eventId = await AddEventAsync(vendor, await AddVenueAsync(vendor), currency: currency);
        var cap = Money.ToDecimal(Money.MaxUnitPrice(currency), currency);
        var step = Money.Exponent(currency) == 0 ? 1m : 0.01m;

        var above = await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count = 10, seat = "GA", price = cap + step }, Ct);
        var lot = await UploadAsync(vendor, eventId, count: 10, price: cap);
        await (await BuyAsync(await IndividualAsync(), lot, 10)).EnsureOkAsync();

        Assert.True((await above.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.ContainsKey("price"));
        await using var db = App.Database.CreateContext();
        var charged = await db.Orders.Select(o => o.AmountCents).SingleAsync(Ct);
        Assert.True(StripeAmounts.ToStripe(charged, currency) <= StripeAmounts.MaxAmount);
    }
}
