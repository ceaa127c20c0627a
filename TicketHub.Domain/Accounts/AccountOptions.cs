namespace TicketHub.Domain.Accounts;

public sealed class VendorOptions
{
    public const string Section = "Vendors";

    /// <summary>New vendors start approved (demos, tests, load tests); otherwise they wait for an administrator.</summary>
    public bool AutoApprove { get; set; }
}

/// <summary>The first administrator, created at start-up when no account of that name exists.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Username { get; set; }

    /// <summary>From an environment variable or a secret store, never appsettings.json; the password rules apply.</summary>
    public string? Password { get; set; }
}
