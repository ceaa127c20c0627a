using System.Security.Claims;

namespace TicketHub.Web.Hosting;

public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "unique_name";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The user id from an Identity cookie (NameIdentifier) or a bearer token (sub).</summary>
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(AuthClaims.Subject)
        ?? throw new InvalidOperationException("The principal has no user id; the endpoint must require authorization.");
}
