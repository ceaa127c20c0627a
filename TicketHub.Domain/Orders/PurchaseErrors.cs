using TicketHub.Domain.Common;

namespace TicketHub.Domain.Orders;

public static class PurchaseErrors
{
    public static Error LimitExceeded(int alreadyBought) => new(
        ErrorCodes.PurchaseLimitExceeded,
        $"A buyer may buy at most {PurchaseCounter.MaxPerEvent} tickets per event; you can buy {Math.Max(0, PurchaseCounter.MaxPerEvent - alreadyBought)} more.");

    public static Error PaymentDeclined(string? declineCode) => new(
        ErrorCodes.PaymentDeclined, $"The payment was declined{(declineCode is null ? "" : $" ({declineCode})")}. Nothing was charged and no tickets were sold.");

    public static readonly Error PaymentUnavailable = new(
        ErrorCodes.PaymentUnavailable, "The payment service did not answer. Your order is pending and will be settled shortly; you will not be charged twice.",
        ErrorKind.Unavailable)
    {
        RetryAfter = TimeSpan.FromSeconds(5),
    };

    public static readonly Error OnlyIndividuals = new(ErrorCodes.NotOwner, "Only individual accounts can buy or sell tickets.", ErrorKind.Forbidden);

    public static readonly Error OwnListing = new(ErrorCodes.ValidationFailed, "You cannot buy your own resale listing.");

    public static readonly Error KeyReused = new(ErrorCodes.ValidationFailed, "This Idempotency-Key was already used for a different purchase.");

    public static Error ListingNotFound(string id) => CommonErrors.NotFound("Listing", id);
}
