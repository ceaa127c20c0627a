namespace TicketHub.Domain.Accounts;

/// <summary>The two kinds of account; each is an Identity role of the same name.</summary>
public enum UserType
{
    Individual,
    Vendor,
}

public static class Roles
{
    public const string Individual = nameof(UserType.Individual);
    public const string Vendor = nameof(UserType.Vendor);

    public static string For(UserType type) => type == UserType.Vendor ? Vendor : Individual;

    /// <summary>The lower-case word API.md uses ("individual", "vendor").</summary>
    public static string ApiName(UserType type) => type == UserType.Vendor ? "vendor" : "individual";

    public static bool TryParse(string? value, out UserType type)
    {
        type = UserType.Individual;
        if (string.Equals(value, "individual", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.Equals(value, "vendor", StringComparison.OrdinalIgnoreCase)) return false;
        type = UserType.Vendor;
        return true;
    }
}
