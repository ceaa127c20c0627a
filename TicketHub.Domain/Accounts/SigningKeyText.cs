using System.Text;

namespace TicketHub.Domain.Accounts;

/// <summary>
/// How a configured token signing key (Jwt:SigningKey) reads: base64 when it decodes to at least
/// <see cref="MinBytes"/> bytes, else the text's UTF-8 bytes. The app and the bench tool both read keys this way.
/// </summary>
public static class SigningKeyText
{
    public const int MinBytes = 32;   // HS256 wants a key of at least 256 bits

    public static byte[] Decode(string configured)
    {
        var buffer = new byte[configured.Length];
        return Convert.TryFromBase64String(configured, buffer, out var written) && written >= MinBytes
            ? buffer[..written]
            : Encoding.UTF8.GetBytes(configured);
    }
}
