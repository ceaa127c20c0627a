using System.Buffers.Binary;
using System.Text;

namespace TicketHub.Domain.ETickets;

/// <summary>
/// The compact signed tokens of the platform: base64url of a payload followed by its 64-byte Ed25519 signature. The
/// payload's first byte names what the token is (a ticket code, a waiting-room pass), so one kind can never be passed
/// off as another; then come length-prefixed strings and big-endian integers.
/// </summary>
internal static class SignedToken
{
    public const byte TicketCodeKind = (byte)'T';
    public const byte QueuePassKind = (byte)'Q';
    private const int SignatureBytes = 64;
    public const int MaxLength = 400;

    public static string Seal(PlatformKey key, byte[] payload)
    {
        var signature = key.Sign(payload);
        return Base64Url(payload.Concat(signature).ToArray());
    }

    /// <summary>The payload of a well-formed token of this kind whose signature the public key accepts; null otherwise.</summary>
    public static PayloadReader? Open(byte[] publicKey, string? token, byte kind)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength) return null;
        var bytes = FromBase64Url(token.Trim());
        if (bytes is null || bytes.Length <= SignatureBytes + 1 || bytes[0] != kind) return null;
        var payload = bytes.AsSpan(0, bytes.Length - SignatureBytes);
        if (!PlatformKey.Verify(publicKey, payload, bytes.AsSpan(bytes.Length - SignatureBytes))) return null;
        return new PayloadReader(payload.ToArray());
    }

    public sealed class PayloadWriter(byte kind)
    {
        private readonly List<byte> _bytes = [kind];

        public PayloadWriter String(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            if (bytes.Length > byte.MaxValue) throw new ArgumentException("A token string is at most 255 bytes.", nameof(value));
            _bytes.Add((byte)bytes.Length);
            _bytes.AddRange(bytes);
            return this;
        }

        public PayloadWriter Int32(int value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteInt32BigEndian(buffer, value);
            _bytes.AddRange(buffer.ToArray());
            return this;
        }

        public PayloadWriter Int64(long value)
        {
            Span<byte> buffer = stackalloc byte[8];
            BinaryPrimitives.WriteInt64BigEndian(buffer, value);
            _bytes.AddRange(buffer.ToArray());
            return this;
        }

        public byte[] ToArray() => [.. _bytes];
    }

    /// <summary>Reads a verified payload back; any read past its end (a payload of another shape) is reported as failure.</summary>
    public sealed class PayloadReader(byte[] payload)
    {
        private int _at = 1;

        public bool Failed { get; private set; }

        public bool AtEnd => !Failed && _at == payload.Length;

        public string String()
        {
            if (Failed || _at >= payload.Length || _at + 1 + payload[_at] > payload.Length) return Fail("");
            var length = payload[_at];
            var value = Encoding.UTF8.GetString(payload, _at + 1, length);
            _at += 1 + length;
            return value;
        }

        public int Int32()
        {
            if (Failed || _at + 4 > payload.Length) return Fail(0);
            var value = BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(_at, 4));
            _at += 4;
            return value;
        }

        public long Int64()
        {
            if (Failed || _at + 8 > payload.Length) return Fail(0L);
            var value = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(_at, 8));
            _at += 8;
            return value;
        }

        private T Fail<T>(T value)
        {
            Failed = true;
            return value;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        foreach (var c in text)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        var buffer = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}
