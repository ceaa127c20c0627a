using TicketHub.Domain.Common;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Payments;

namespace TicketHub.Tests.Domain;

/// <summary>Money as integer minor units: the exponent of every accepted currency, exact conversion both ways, and the bounds.</summary>
public sealed class MoneyTests
{
    // ISO 4217's minor units for every currency TicketHub accepts (TicketHub prices ISK, HUF and TWD in whole units).
    public static TheoryData<string, int> Exponents() => new()
    {
        { "USD", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "CAD", 2 }, { "AUD", 2 }, { "NZD", 2 }, { "CHF", 2 }, { "SEK", 2 },
        { "NOK", 2 }, { "DKK", 2 }, { "PLN", 2 }, { "CZK", 2 }, { "RON", 2 }, { "BGN", 2 }, { "MXN", 2 }, { "BRL", 2 },
        { "ARS", 2 }, { "COP", 2 }, { "PEN", 2 }, { "ZAR", 2 }, { "INR", 2 }, { "SGD", 2 }, { "HKD", 2 }, { "CNY", 2 },
        { "THB", 2 }, { "MYR", 2 }, { "PHP", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "AED", 2 }, { "SAR", 2 }, { "TRY", 2 },
        { "EGP", 2 }, { "NGN", 2 }, { "KES", 2 }, { "MAD", 2 },
        { "JPY", 0 }, { "KRW", 0 }, { "ISK", 0 }, { "CLP", 0 }, { "VND", 0 }, { "HUF", 0 }, { "TWD", 0 }, { "UGX", 0 },
        { "XAF", 0 }, { "XOF", 0 }, { "PYG", 0 },
    };

    [Theory]
    [MemberData(nameof(Exponents))]
    public void Every_accepted_currency_has_its_exponent(string currency, int exponent)
    {
        Assert.True(Money.IsSupported(currency));
        Assert.Equal(exponent, Money.Exponent(currency));
    }

    [Fact]
    public void The_accepted_currencies_are_exactly_those_with_a_stated_exponent_each_once()
    {
        var stated = Exponents().Select(row => row.Data.Item1).Order().ToList();

        Assert.Equal(stated, Money.Supported.Order());
    }

    [Theory]
    [InlineData("BHD")]   // three minor digits: the API allows at most two decimals
    [InlineData("XYZ")]
    [InlineData("usd")]   // codes are upper case, as ISO 4217 writes them
    [InlineData("")]
    public void Other_codes_are_not_accepted(string currency) => Assert.False(Money.IsSupported(currency));

    [Theory]
    [InlineData(12_345, "USD", "123.45")]
    [InlineData(5, "EUR", "0.05")]
    [InlineData(0, "GBP", "0")]
    [InlineData(12_345, "JPY", "12345")]
    [InlineData(7, "ISK", "7")]
    public void Minor_units_read_as_a_decimal_in_the_currency(long minor, string currency, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Money.ToDecimal(minor, currency));

    [Theory]
    [InlineData("123.45", "USD", 12_345)]
    [InlineData("0.01", "EUR", 1)]
    [InlineData("1.10", "GBP", 110)]    // trailing zeros are no extra precision
    [InlineData("0", "USD", 0)]
    [InlineData("12345", "JPY", 12_345)]
    [InlineData("12345.0", "JPY", 12_345)]
    public void A_decimal_with_no_more_decimals_than_the_currency_has_converts_exactly(string amount, string currency, long expected)
    {
        Assert.True(Money.TryToMinorUnits(Parse(amount), currency, out var minor));
        Assert.Equal(expected, minor);
    }

    [Theory]
    [InlineData("0.001", "USD")]
    [InlineData("123.455", "EUR")]
    [InlineData("0.5", "JPY")]
    [InlineData("99.01", "ISK")]
    public void More_decimals_than_the_currency_has_are_refused_not_rounded(string amount, string currency)
    {
        Assert.False(Money.TryToMinorUnits(Parse(amount), currency, out var minor));
        Assert.Equal(0, minor);
    }

    [Theory]
    [InlineData("-0.01", "USD")]
    [InlineData("-1", "JPY")]
    public void A_negative_amount_is_refused(string amount, string currency) =>
        Assert.False(Money.TryToMinorUnits(Parse(amount), currency, out _));

    [Fact]
    public void The_largest_amount_converts_and_one_minor_unit_more_is_refused()
    {
        const long limit = long.MaxValue / 4;   // a quarter of long's range, far past any price cap
        const long usdUnits = limit / 100;
        Assert.True(Money.TryToMinorUnits(usdUnits, "USD", out var usd));
        Assert.Equal(usdUnits * 100, usd);
        Assert.False(Money.TryToMinorUnits(usdUnits + 0.01m, "USD", out _));

        Assert.True(Money.TryToMinorUnits(limit, "JPY", out var jpy));
        Assert.Equal(limit, jpy);
        Assert.False(Money.TryToMinorUnits(limit + 1m, "JPY", out _));
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("JPY")]
    public void Amounts_past_decimal_scaling_range_are_refused_without_overflow(string currency)
    {
        Assert.False(Money.TryToMinorUnits(decimal.MaxValue, currency, out _));
        Assert.False(Money.TryToMinorUnits(decimal.MaxValue / 100, currency, out _));
    }

    [Theory]
    [InlineData("USD", 9_999_999)]   // 99,999,999 cents over 10 tickets
    [InlineData("JPY", 9_999_999)]
    [InlineData("ISK", 99_999)]      // Stripe counts ISK in hundredths: 999,999 whole krónur over 10 tickets
    public void The_highest_unit_price_keeps_a_full_order_chargeable(string currency, long max)
    {
        Assert.Equal(max, Money.MaxUnitPrice(currency));
        Assert.Equal(StripeAmounts.MaxChargeMinorUnits(currency) / PurchaseCounter.MaxPerEvent, Money.MaxUnitPrice(currency));
    }

    [Fact]
    public void Stripe_counts_ISK_HUF_and_TWD_in_hundredths_whatever_the_case_of_the_code()
    {
        Assert.Equal(700, StripeAmounts.ToStripe(7, "isk"));
        Assert.Equal(999_999, StripeAmounts.MaxChargeMinorUnits("huf"));
        Assert.Equal(StripeAmounts.MaxAmount, StripeAmounts.MaxChargeMinorUnits("JPY"));
    }

    [Fact]
    public void An_amount_Stripe_cannot_represent_overflows_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => StripeAmounts.ToStripe(long.MaxValue / 10, "TWD"));

    private static decimal Parse(string amount) => decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);
}
