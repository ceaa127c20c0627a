namespace TicketHub.Domain.Accounts;

/// <summary>The kinds of account; each is an Identity role of the same name. Administrators are never created by sign-up.</summary>
public enum UserType
{
    Individual,
    Vendor,
    Admin,
}

public static class Roles
{
    public const string Individual = nameof(UserType.Individual);
    public const string Vendor = nameof(UserType.Vendor);
    public const string Admin = nameof(UserType.Admin);

    public static string For(UserType type) => type switch
    {
        UserType.Vendor => Vendor,
        UserType.Admin => Admin,
        _ => Individual,
    };

    /// <summary>The lower-case word the REST API uses ("individual", "vendor", "admin").</summary>
    public static string ApiName(UserType type) => For(type).ToLowerInvariant();

    /// <summary>The user types a sign-up may ask for.</summary>
    public static bool TryParse(string? value, out UserType type)
    {
        type = UserType.Individual;
        if (string.Equals(value, "individual", StringComparison.OrdinalIgnoreCase)) return true;
        if (!string.Equals(value, "vendor", StringComparison.OrdinalIgnoreCase)) return false;
        type = UserType.Vendor;
        return true;
    }
}
