namespace TicketHub.Domain.Common;

/// <summary>
/// Text as people type it: no control characters but tab and line breaks, and no half of a surrogate pair. PostgreSQL
/// refuses a NUL in text (the whole statement fails) and no page should show a bell or an escape sequence, so input
/// with them is invalid; text that is kept as it came, such as the audit trail's, is cleaned instead.
/// </summary>
public static class PlainText
{
    public const char Replacement = '\uFFFD';

    public static bool IsPlain(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (!IsPlain(value[i])) return false;
        }
        return true;
    }

    /// <summary>At most <paramref name="maxLength"/> characters, each one <see cref="IsPlain(string)"/> refuses replaced by U+FFFD.</summary>
    public static string? Clean(string? value, int maxLength)
    {
        if (value is null) return null;
        var text = value.Length > maxLength ? value[..maxLength] : value;   // a cut may split a pair: cleaned below
        if (IsPlain(text)) return text;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (!IsPlain(chars[i])) chars[i] = Replacement;
        }
        return new string(chars);
    }

    private static bool IsPlain(char c) => !char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r');
}
