using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketHub.Domain.Accounts;

namespace TicketHub.Bench;

/// <summary>
/// HS256 bearer tokens with the claims, issuer and audience of the app's TokenService, signed with the key the app is
/// started with. Written by hand so the tool needs no token library.
/// </summary>
public sealed class Jwt(byte[] key, string issuer = "TicketHub", string audience = "TicketHub.Api")
{
    private static readonly string Header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>The key as the app reads Jwt:SigningKey (<see cref="SigningKeyText"/>).</summary>
    public static Jwt FromConfiguredKey(string configured)
    {
        var bytes = SigningKeyText.Decode(configured);
        if (bytes.Length < SigningKeyText.MinBytes) throw new UsageException($"--signing-key must be at least {SigningKeyText.MinBytes} bytes.");
        return new Jwt(bytes);
    }

    public string Issue(string userId, string username, string role, string securityStamp, DateTimeOffset now, TimeSpan lifetime)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["sub"] = userId,
            ["unique_name"] = username,
            ["jti"] = Guid.NewGuid().ToString("N")[..14],
            ["role"] = role,
            ["sst"] = SecurityStampDigest.Of(securityStamp),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["iss"] = issuer,
            ["aud"] = audience,
        });
        var unsigned = $"{Header}.{Base64Url(payload)}";
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned));
        return $"{unsigned}.{Base64Url(signature)}";
    }

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
