using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Tests.Support;
using TicketHub.Web.Hosting;

namespace TicketHub.Tests.Web;

public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(new byte[32]);
    private readonly ShiftedClock _clock = new();
    private int _signatureChecks;

    [Fact]
    public async Task A_valid_token_is_checked_once_however_often_it_is_presented()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var token = Token(expiresIn: TimeSpan.FromHours(1));

        for (var i = 0; i < 3; i++)
            Assert.True((await cache.ValidateTokenAsync(token, Parameters())).IsValid);

        Assert.Equal(1, _signatureChecks);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_once_it_has_expired()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var token = Token(expiresIn: TimeSpan.FromMinutes(5));
        await cache.ValidateTokenAsync(token, Parameters());

        _clock.Advance(TimeSpan.FromMinutes(6));
        await cache.ValidateTokenAsync(token, Parameters());

        Assert.Equal(2, _signatureChecks);
    }

    [Fact]
    public async Task A_token_that_fails_is_checked_again_every_time()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var forged = Token(expiresIn: TimeSpan.FromHours(1), issuer: "someone-else");

        for (var i = 0; i < 2; i++)
            Assert.False((await cache.ValidateTokenAsync(forged, Parameters())).IsValid);

        Assert.Equal(2, _signatureChecks);
    }

    [Fact]
    public async Task Each_request_gets_its_own_identity()
    {
        using var cache = new ValidatedTokenCache(_clock);
        var token = Token(expiresIn: TimeSpan.FromHours(1));
        var first = await cache.ValidateTokenAsync(token, Parameters());
        first.ClaimsIdentity.AddClaim(new Claim("added-by-one-request", "x"));

        var second = await cache.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst("added-by-one-request"));
        Assert.Equal("buyer-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    private static string Token(TimeSpan expiresIn, string issuer = "tickethub") => new JsonWebTokenHandler().CreateToken(
        new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "tickethub-api",
            Subject = new ClaimsIdentity([new Claim("sub", "buyer-1")]),
            Expires = DateTime.UtcNow + expiresIn,
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });

    // Counts the signature checks; which key signed the token is not what these specs are about.
    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "tickethub",
        ValidAudience = "tickethub-api",
        IssuerSigningKey = Key,
        SignatureValidator = (token, _) =>
        {
            Interlocked.Increment(ref _signatureChecks);
            return new JsonWebToken(token);
        },
    };
}
