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

    /// <summary>The key as the app reads Jwt:SigningKey: base64 when it decodes to at least 32 bytes, else the text's UTF-8 bytes.</summary>
    public static Jwt FromConfiguredKey(string configured)
    {
        var buffer = new byte[configured.Length];
        var bytes = Convert.TryFromBase64String(configured, buffer, out var written) && written >= 32
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(configured);
        if (bytes.Length < 32) throw new UsageException("--signing-key must be at least 32 bytes.");
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
