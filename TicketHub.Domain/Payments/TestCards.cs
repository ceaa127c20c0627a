namespace TicketHub.Domain.Payments;

/// <summary>
/// The payment provider's published test card numbers, mapped to the test gateway's payment methods, so the
/// storefront's card field works offline. A real deployment tokenises cards in the browser with the provider instead.
/// </summary>
public static class TestCards
{
    private static readonly Dictionary<string, string> Methods = new(StringComparer.Ordinal)
    {
        ["4242424242424242"] = "pm_card_visa",
        ["5555555555554444"] = "pm_card_mastercard",
        ["378282246310005"] = "pm_card_amex",
        ["4000000000000002"] = "pm_card_chargeDeclined",
        ["4000000000009995"] = "pm_card_chargeDeclinedInsufficientFunds",
        ["4000000000000069"] = "pm_card_chargeDeclinedExpiredCard",
    };

    /// <summary>The payment method for a card number (spaces and dashes ignored); null for a number that is not a test card.</summary>
    public static string? ToPaymentMethod(string? cardNumber)
    {
        if (cardNumber is null) return null;
        var digits = new string(cardNumber.Where(char.IsDigit).ToArray());
        return Methods.GetValueOrDefault(digits);
    }
}
