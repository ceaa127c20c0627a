using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Bearer tokens are validated once and remembered until they expire: a client that calls the API many times with the
/// same token pays the signature check and claim parsing once, not on every call. Only valid tokens are kept (at most
/// <see cref="MaxTokens"/>, each until its own expiry), so a flood of forged tokens costs a validation each and keeps
/// nothing. The account behind a token is still checked on every request
/// (<see cref="AccountStandingCheck.ValidateTokenAsync"/>), so a disabled account's cached token stops at once.
/// </summary>
/// <remarks>
/// This handler serves the one bearer scheme, whose validation parameters are fixed at start-up (the handler clones
/// them per request), so a token's validation does not depend on which request asks. Each request gets its own copy
/// of the identity: nothing one request adds to it is seen by another.
/// </remarks>
public sealed class ValidatedTokenCache : JsonWebTokenHandler, IDisposable
{
    public const int MaxTokens = 50_000;

    private readonly MemoryCache _valid = new(new MemoryCacheOptions { SizeLimit = MaxTokens });
    private readonly TimeProvider _clock;

    public ValidatedTokenCache(TimeProvider clock)
    {
        _clock = clock;
        MapInboundClaims = false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (_valid.TryGetValue(token, out CachedValidation? cached) && cached!.Expires > _clock.GetUtcNow().UtcDateTime)
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = cached.Token,
                ClaimsIdentity = cached.Identity.Clone(),
                Issuer = cached.Token.Issuer,
                TokenType = cached.Token.Typ,
            };

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken { ValidTo: var expires } jwt && expires > DateTime.MinValue)
            _valid.Set(token, new CachedValidation(jwt, result.ClaimsIdentity.Clone(), expires),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = new DateTimeOffset(expires, TimeSpan.Zero) });
        return result;
    }

    public void Dispose() => _valid.Dispose();

    private sealed record CachedValidation(JsonWebToken Token, ClaimsIdentity Identity, DateTime Expires);
}
