namespace TicketHub.Domain.Audit;

public enum AuditOutcome
{
    Succeeded,
    Failed,
}

/// <summary>
/// One security-relevant event: who (actor), from where (client address), what (action), which object (target) and
/// how it ended. Never a secret: no password, token, card number or payment-method id goes in here.
/// </summary>
public sealed class AuditEntry
{
    public string Id { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public string Action { get; set; } = "";
    public AuditOutcome Outcome { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? ClientAddress { get; set; }
    public string? TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The actions the audit log records; stable strings, since administrators filter by them.</summary>
public static class AuditActions
{
    public const string SignIn = "sign_in";
    public const string Lockout = "lockout";
    public const string SignUp = "sign_up";
    public const string PasswordChanged = "password_changed";
    public const string VendorApproved = "vendor_approved";
    public const string VendorRejected = "vendor_rejected";
    public const string AccountDisabled = "account_disabled";
    public const string AccountEnabled = "account_enabled";
    public const string VenueAdded = "venue_added";
    public const string PerformerAdded = "performer_added";
    public const string EventAdded = "event_added";
    public const string PerformerAddedToEvent = "performer_added_to_event";
    public const string TicketsUploaded = "tickets_uploaded";
    public const string TicketsRemoved = "tickets_removed";
    public const string Purchase = "purchase";
    public const string ListingCreated = "listing_created";
    public const string ListingCancelled = "listing_cancelled";

    public static readonly IReadOnlyList<string> All =
    [
        SignIn, Lockout, SignUp, PasswordChanged, VendorApproved, VendorRejected, AccountDisabled, AccountEnabled,
        VenueAdded, PerformerAdded, EventAdded, PerformerAddedToEvent, TicketsUploaded, TicketsRemoved, Purchase,
        ListingCreated, ListingCancelled,
    ];
}
