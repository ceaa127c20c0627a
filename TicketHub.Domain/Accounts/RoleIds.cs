namespace TicketHub.Domain.Accounts;

/// <summary>Ids of the role rows seeded by the first migration.</summary>
public static class RoleIds
{
    public const string Individual = "role-individual";
    public const string Vendor = "role-vendor";
}
