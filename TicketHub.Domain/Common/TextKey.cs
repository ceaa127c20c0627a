using System.Globalization;
using System.Text;

namespace TicketHub.Domain.Common;

/// <summary>
/// Case-insensitive filters (city, country, names) compare against a stored upper-cased key column, so both SQLite and
/// PostgreSQL answer them from a plain index instead of a function over every row. The key is made here, in .NET, for
/// every script (SQLite's upper() folds ASCII only, and PostgreSQL's follows the server's locale): each character is
/// upper-cased on its own, and Turkish dotted and dotless i both become I, so "istanbul", "İSTANBUL" and "ıstanbul"
/// find one another.
/// </summary>
public static class TextKey
{
    public static string? From(string? value) => string.IsNullOrWhiteSpace(value) ? null : Fold(value.Trim());

    private static string Fold(string text) => text.ToUpperInvariant().Replace('İ', 'I').Replace('ı', 'I');

    /// <summary>The name under which SQLite connections know <see cref="From"/> (registered by the connection set-up).</summary>
    public const string SqliteFunction = "tickethub_text_key";

    /// <summary>
    /// A PostgreSQL expression giving <see cref="From"/> of a text column whose values are already trimmed: translate()
    /// with every character the key changes, each into the one character it becomes.
    /// </summary>
    public static string PostgresSql(string column)
    {
        var (from, to) = (new StringBuilder(), new StringBuilder());
        for (var c = 0; c <= 0x10FFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF) continue;
            var text = char.ConvertFromUtf32(c);
            var key = Fold(text);
            if (key == text) continue;
            from.Append(text);
            to.Append(key);
        }
        return string.Create(CultureInfo.InvariantCulture, $"translate({column}, '{from}', '{to}')");
    }
}
