using System.Globalization;
using System.Security.Claims;

namespace TicketHub.Web.Hosting;

public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "unique_name";

    /// <summary>When the browser session signed in (Unix seconds), for the absolute session lifetime.</summary>
    public const string AuthTime = "auth_time";

    /// <summary>In bearer tokens: <see cref="TicketHub.Domain.Accounts.SecurityStampDigest"/> of the account's security stamp.</summary>
    public const string StampDigest = "sst";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The user id from an Identity cookie (NameIdentifier) or a bearer token (sub).</summary>
    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue(AuthClaims.Subject)
        ?? throw new InvalidOperationException("The principal has no user id; the endpoint must require authorization.");

    /// <summary>When a browser session signed in, from its <see cref="AuthClaims.AuthTime"/> claim.</summary>
    public static DateTimeOffset? SignedInAt(this ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(AuthClaims.AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
