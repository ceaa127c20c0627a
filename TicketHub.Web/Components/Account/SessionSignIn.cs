using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using TicketHub.Domain.Accounts;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Account;

public static class SessionSignIn
{
    /// <summary>
    /// Signs the browser in with the time it signed in, which the absolute session lifetime counts from
    /// (<see cref="SessionOptions.AbsoluteLifetime"/>); a refresh after a password change keeps the original time.
    /// </summary>
    public static Task SignInSessionAsync(this SignInManager<AppUser> signIn, AppUser user, bool persistent, DateTimeOffset signedInAt) =>
        signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = persistent },
            [new Claim(AuthClaims.AuthTime, signedInAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))]);
}
