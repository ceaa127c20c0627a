using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Every authenticated request re-checks the account behind it (from <see cref="AccountStatusCache"/>, a few seconds
/// old at most): a disabled or rejected account, a rotated security stamp (a password change, a rejection, a disabling) or a cookie
/// older than the absolute session lifetime stops working at its next request — cookie, bearer token or circuit.
/// </summary>
public static class AccountStandingCheck
{
    public static async Task ValidateTokenAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var principal = context.Principal!;
        var standing = principal.FindFirstValue(AuthClaims.Subject) is { } id
            ? await services.GetRequiredService<AccountStatusCache>().GetAsync(id, context.HttpContext.RequestAborted)
            : null;
        if (standing is null || !standing.Status.CanSignIn())
            context.Fail("The account behind this token does not exist or is disabled.");
        else if (principal.FindFirstValue(AuthClaims.StampDigest) != SecurityStampDigest.Of(standing.SecurityStamp))
            context.Fail("The account's security stamp changed after this token was issued.");
    }

    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (await IsValidAsync(context.Principal!, services.GetRequiredService<AccountStatusCache>(), services, context.HttpContext.RequestAborted))
            return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Whether a cookie principal (or a circuit's user, made from one) still stands.</summary>
    public static async Task<bool> IsValidAsync(ClaimsPrincipal user, AccountStatusCache cache, IServiceProvider services, CancellationToken ct)
    {
        if (user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id) return false;
        var standing = await cache.GetAsync(id, ct);
        if (standing is null || !standing.Status.CanSignIn()) return false;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (user.FindFirstValue(stampClaim) != standing.SecurityStamp) return false;

        var lifetime = services.GetRequiredService<IOptions<SessionOptions>>().Value.AbsoluteLifetime;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        return user.SignedInAt() is { } signedIn && signedIn + lifetime > now;
    }
}
