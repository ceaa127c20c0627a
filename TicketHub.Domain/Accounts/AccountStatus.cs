namespace TicketHub.Domain.Accounts;

/// <summary>Where an account stands. Only Active and PendingApproval accounts can sign in.</summary>
public enum AccountStatus
{
    Active,

    /// <summary>A vendor that signed up and waits for an administrator; it can sign in but not act as a vendor.</summary>
    PendingApproval,

    /// <summary>A vendor an administrator turned down.</summary>
    Rejected,

    /// <summary>Switched off by an administrator.</summary>
    Disabled,
}

public static class AccountStatusRules
{
    public static bool CanSignIn(this AccountStatus status) => status is AccountStatus.Active or AccountStatus.PendingApproval;
}
