using TicketHub.Domain.Common;

namespace TicketHub.Domain.Payments;

/// <summary>
/// Stripe's rules for amounts, which differ from the currencies' own exponents in a few places. TicketHub prices
/// ISK, HUF and TWD in whole units (<see cref="Money.Exponent"/> is 0), but Stripe counts them in hundredths (for
/// ISK the hundredths must be 00), so a whole unit is 100 in Stripe's amount. Every amount is at most eight digits.
/// </summary>
public static class StripeAmounts
{
    /// <summary>The largest amount Stripe accepts, in its own unit (eight digits).</summary>
    public const long MaxAmount = 99_999_999;

    private static readonly HashSet<string> WholeUnitsCountedInHundredths = new(StringComparer.OrdinalIgnoreCase) { "ISK", "HUF", "TWD" };

    /// <summary>TicketHub's minor units of <paramref name="currency"/> as Stripe's amount.</summary>
    public static long ToStripe(long minorUnits, string currency) =>
        WholeUnitsCountedInHundredths.Contains(currency) ? checked(minorUnits * 100) : minorUnits;

    /// <summary>The largest charge in TicketHub's minor units that Stripe accepts in <paramref name="currency"/>.</summary>
    public static long MaxChargeMinorUnits(string currency) =>
        WholeUnitsCountedInHundredths.Contains(currency) ? MaxAmount / 100 : MaxAmount;
}
