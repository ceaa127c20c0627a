using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

public sealed record IssuedToken(string Token, DateTime ExpiresAt);

/// <summary>
/// Mints the API's bearer tokens: HS256, the user id as <c>sub</c>, the user type as <c>role</c>, and a digest of the
/// account's security stamp, so a token stops working when the stamp rotates (a password change, a rejection, a disabling).
/// </summary>
public sealed class TokenService(IOptions<JwtOptions> options, SymmetricSecurityKey key, AccountStatusCache standing, TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<IssuedToken> IssueAsync(AccountInfo account, CancellationToken ct = default)
    {
        var stamp = (await standing.GetAsync(account.UserId, ct))?.SecurityStamp;
        var jwt = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(jwt.LifetimeMinutes);
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [AuthClaims.Subject] = account.UserId,
                [AuthClaims.Name] = account.Username,
                [JwtRegisteredClaimNames.Jti] = Ids.New(clock),
                [AuthClaims.Role] = Roles.For(account.UserType),
                [AuthClaims.StampDigest] = SecurityStampDigest.Of(stamp),
            },
        });
        return new IssuedToken(token, expires);
    }
}
