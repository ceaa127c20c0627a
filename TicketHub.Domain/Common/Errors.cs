namespace TicketHub.Domain.Common;

/// <summary>The error codes every front door shares; the codes are the contract of docs/api.md.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string InvalidCredentials = "invalid_credentials";
    public const string UsernameTaken = "username_taken";
    public const string NotFound = "not_found";
    public const string SoldOut = "sold_out";
    public const string InsufficientQuantity = "insufficient_quantity";
    public const string PurchaseLimitExceeded = "purchase_limit_exceeded";
    public const string PriceAbovePurchase = "price_above_purchase";
    public const string NotOwner = "not_owner";
    public const string PaymentDeclined = "payment_declined";
    public const string AlreadyExists = "already_exists";
    public const string EventInPast = "event_in_past";
    public const string VendorNotApproved = "vendor_not_approved";
    public const string AccountDisabled = "account_disabled";
    public const string InvalidState = "invalid_state";
    public const string RateLimited = "rate_limited";
    public const string PaymentUnavailable = "payment_unavailable";
    public const string QueuePassRequired = "queue_pass_required";
}

public static class CommonErrors
{
    public static Error NotFound(string what, string id) =>
        new(ErrorCodes.NotFound, $"{what} '{id}' was not found.", ErrorKind.NotFound);

    public static Error RateLimited(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new(ErrorCodes.RateLimited, $"Too many attempts. Try again in {seconds} second{(seconds == 1 ? "" : "s")}.", ErrorKind.RateLimited)
        {
            RetryAfter = TimeSpan.FromSeconds(seconds),
        };
    }

    public static Error NotOwner(string what) =>
        new(ErrorCodes.NotOwner, $"This {what} belongs to someone else.", ErrorKind.Forbidden);
}
