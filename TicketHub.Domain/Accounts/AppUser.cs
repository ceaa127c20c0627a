using Microsoft.AspNetCore.Identity;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Accounts;

public sealed class AppUser : IdentityUser
{
    public AppUser() => Id = Ids.New();

    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public AccountStatus Status { get; set; } = AccountStatus.Active;
}
