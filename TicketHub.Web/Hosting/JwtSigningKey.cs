using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain.Accounts;

namespace TicketHub.Web.Hosting;

public static class JwtSigningKey
{
    public const int MinBytes = SigningKeyText.MinBytes;

    /// <summary>The configured key, or one generated once and kept in the data folder (the embedded default).</summary>
    public static SymmetricSecurityKey Resolve(string? configured, string dataDirectory)
    {
        var bytes = configured is { Length: > 0 } ? SigningKeyText.Decode(configured) : LoadOrCreate(Path.Combine(dataDirectory, "jwt-signing.key"));
        if (bytes.Length < MinBytes)
            throw new InvalidOperationException($"Jwt:SigningKey must be at least {MinBytes} bytes ({MinBytes * 8} bits).");
        return new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(64);
        SecretFile.Write(path, Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        return key;
    }
}
