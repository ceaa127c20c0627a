using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using TicketHub.Domain.Accounts;

namespace TicketHub.Web.Components.Shared;

/// <summary>Who is signed in, as pages need it: id, role. Read from the cascading authentication state.</summary>
public static class CurrentUser
{
    public static async Task<ClaimsPrincipal> GetAsync(Task<AuthenticationState>? state) =>
        state is null ? new ClaimsPrincipal() : (await state).User;

    public static bool IsIndividual(this ClaimsPrincipal user) => user.IsInRole(Roles.Individual);

    public static bool IsVendor(this ClaimsPrincipal user) => user.IsInRole(Roles.Vendor);
}
