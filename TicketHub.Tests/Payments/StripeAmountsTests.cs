using TicketHub.Domain.Common;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;

namespace TicketHub.Tests.Payments;

/// <summary>
/// Stripe's amount for one whole unit of every currency TicketHub accepts, as Stripe's currency guide states it:
/// hundredths for two-decimal currencies, whole units for zero-decimal ones, and hundredths for ISK, HUF and TWD,
/// which TicketHub prices in whole units.
/// </summary>
public sealed class StripeAmountsTests
{
    public static TheoryData<string, long> OneUnitAtStripe() => new()
    {
        { "USD", 100 }, { "EUR", 100 }, { "GBP", 100 }, { "CAD", 100 }, { "AUD", 100 }, { "NZD", 100 }, { "CHF", 100 },
        { "SEK", 100 }, { "NOK", 100 }, { "DKK", 100 }, { "PLN", 100 }, { "CZK", 100 }, { "RON", 100 }, { "BGN", 100 },
        { "MXN", 100 }, { "BRL", 100 }, { "ARS", 100 }, { "COP", 100 }, { "PEN", 100 }, { "ZAR", 100 }, { "INR", 100 },
        { "SGD", 100 }, { "HKD", 100 }, { "CNY", 100 }, { "THB", 100 }, { "MYR", 100 }, { "PHP", 100 }, { "IDR", 100 },
        { "ILS", 100 }, { "AED", 100 }, { "SAR", 100 }, { "TRY", 100 }, { "EGP", 100 }, { "NGN", 100 }, { "KES", 100 },
        { "MAD", 100 },
        { "JPY", 1 }, { "KRW", 1 }, { "CLP", 1 }, { "VND", 1 }, { "UGX", 1 }, { "XAF", 1 }, { "XOF", 1 }, { "PYG", 1 },
        { "ISK", 100 }, { "HUF", 100 }, { "TWD", 100 },
    };

    [Theory]
    [MemberData(nameof(OneUnitAtStripe))]
    public void One_whole_unit_is_the_amount_Stripe_expects(string currency, long expected)
    {
        Assert.True(Money.TryToMinorUnits(1m, currency, out var minor));

        Assert.Equal(expected, StripeAmounts.ToStripe(minor, currency));
    }

    [Fact]
    public void Every_supported_currency_has_a_stated_Stripe_amount() =>
        Assert.Equal(Money.Supported.Order(), OneUnitAtStripe().Select(row => row.Data.Item1).Order());

    [Theory]
    [MemberData(nameof(OneUnitAtStripe))]
    public void The_price_cap_is_the_highest_price_whose_full_order_Stripe_accepts(string currency, long _)
    {
        const int fullOrder = PurchaseCounter.MaxPerEvent;
        var cap = Money.MaxUnitPrice(currency);

        Assert.True(StripeAmounts.ToStripe(cap * fullOrder, currency) <= StripeAmounts.MaxAmount);
        Assert.True(StripeAmounts.ToStripe((cap + 1) * fullOrder, currency) > StripeAmounts.MaxAmount);
    }
}
