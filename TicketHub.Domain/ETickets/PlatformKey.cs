using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace TicketHub.Domain.ETickets;

public sealed class TicketOptions
{
    public const string Section = "Tickets";

    /// <summary>
    /// Base64 of the platform's 32-byte Ed25519 private key, which signs ticket codes and waiting-room passes. One key
    /// for every node; required outside Development. Never in appsettings.json: use an environment variable or a secret store.
    /// </summary>
    public string? SigningKey { get; set; }
}

/// <summary>
/// The platform's Ed25519 key. It signs ticket codes and waiting-room passes; anyone with the public key (published at
/// <c>/.well-known/tickethub-ticket-key</c>) can check a code without asking the server, which is what lets a door
/// scanner work offline.
/// </summary>
public sealed class PlatformKey : IDisposable
{
    public const int PrivateKeyBytes = 32;
    public const string GeneratedFileName = "ticket-signing.key";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key _key;

    private PlatformKey(Key key)
    {
        _key = key;
        PublicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
        KeyId = Convert.ToHexString(SHA256.HashData(PublicKey))[..16].ToLowerInvariant();
    }

    /// <summary>The raw 32-byte public key.</summary>
    public byte[] PublicKey { get; }

    /// <summary>A short name of the public key, so a scanner can tell which key it holds.</summary>
    public string KeyId { get; }

    public static PlatformKey FromPrivateKey(byte[] privateKey)
    {
        if (privateKey.Length != PrivateKeyBytes)
            throw new InvalidOperationException($"{TicketOptions.Section}:SigningKey must be base64 of exactly {PrivateKeyBytes} bytes (an Ed25519 private key).");
        return new PlatformKey(Key.Import(Ed25519, privateKey, KeyBlobFormat.RawPrivateKey));
    }

    /// <summary>The configured key (<c>Tickets:SigningKey</c>), or one generated once and kept in the data folder (Development).</summary>
    public static PlatformKey Resolve(string? configured, string dataDirectory)
    {
        if (configured is { Length: > 0 })
        {
            var buffer = new byte[configured.Length];
            if (!Convert.TryFromBase64String(configured.Trim(), buffer, out var written))
                throw new InvalidOperationException($"{TicketOptions.Section}:SigningKey is not base64.");
            return FromPrivateKey(buffer[..written]);
        }
        return FromPrivateKey(LoadOrCreate(Path.Combine(dataDirectory, GeneratedFileName)));
    }

    /// <summary>A new random private key, base64: what an operator puts in <c>Tickets:SigningKey</c>.</summary>
    public static string NewPrivateKeyText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(PrivateKeyBytes));

    public byte[] Sign(ReadOnlySpan<byte> data) => Ed25519.Sign(_key, data);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => Verify(PublicKey, data, signature);

    /// <summary>What a scanner does: checks a signature with the public key alone.</summary>
    public static bool Verify(byte[] publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == Ed25519.SignatureSize
        && NSec.Cryptography.PublicKey.TryImport(Ed25519, publicKey, KeyBlobFormat.RawPublicKey, out var key)
        && Ed25519.Verify(key!, data, signature);

    public void Dispose() => _key.Dispose();

    // Created next to its final name and moved into place, so that two processes starting at once never read half a key.
    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temporary, options))
                stream.Write(Encoding.ASCII.GetBytes(NewPrivateKeyText()));
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);   // another process made the key first: use theirs
            }
        }
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
