namespace TicketHub.Domain.Accounts;

/// <summary>Ids of the role rows the migrations seed.</summary>
public static class RoleIds
{
    public const string Individual = "role-individual";
    public const string Vendor = "role-vendor";
    public const string Admin = "role-admin";
}
