namespace TicketHub.Domain.Common;

/// <summary>
/// Money is stored as integer minor units (cents) and shown as a decimal with the currency's exponent.
/// Only ISO 4217 currencies with 0 or 2 minor digits are accepted, since the API (docs/api.md) allows at most 2 decimals.
/// </summary>
public static class Money
{
    public const string DefaultCurrency = "USD";

    private static readonly HashSet<string> ZeroDecimal = ["JPY", "KRW", "ISK", "CLP", "VND", "HUF", "TWD", "UGX", "XAF", "XOF", "PYG"];

    private static readonly HashSet<string> TwoDecimal =
    [
        "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "RON", "BGN", "MXN", "BRL",
        "ARS", "COP", "PEN", "ZAR", "INR", "SGD", "HKD", "CNY", "THB", "MYR", "PHP", "IDR", "ILS", "AED", "SAR", "TRY",
        "EGP", "NGN", "KES", "MAD",
    ];

    public static bool IsSupported(string currency) => ZeroDecimal.Contains(currency) || TwoDecimal.Contains(currency);

    /// <summary>Every currency TicketHub accepts.</summary>
    public static IEnumerable<string> Supported => ZeroDecimal.Concat(TwoDecimal);

    /// <summary>
    /// The highest ticket price in minor units: a full order (the most one buyer may take) must still be an amount the
    /// payment provider accepts.
    /// </summary>
    public static long MaxUnitPrice(string currency) => Payments.StripeAmounts.MaxChargeMinorUnits(currency) / Orders.PurchaseCounter.MaxPerEvent;

    public static int Exponent(string currency) => ZeroDecimal.Contains(currency) ? 0 : 2;

    public static decimal ToDecimal(long minorUnits, string currency) =>
        Exponent(currency) == 0 ? minorUnits : minorUnits / 100m;

    /// <summary>
    /// Converts a decimal amount to minor units; false when it has more decimals than the currency allows, is negative,
    /// or is past any price (a quarter of the range of long). Callers compare with their price caps before this.
    /// </summary>
    public static bool TryToMinorUnits(decimal amount, string currency, out long minorUnits)
    {
        var factor = Exponent(currency) == 0 ? 1 : 100;
        minorUnits = 0;
        // Before scaling: decimal arithmetic throws past its own range (about 7.9e28).
        if (amount < 0 || amount > long.MaxValue / 4 / factor) return false;
        var scaled = amount * factor;
        if (scaled != decimal.Truncate(scaled)) return false;
        minorUnits = (long)scaled;
        return true;
    }
}
