using System.Globalization;

namespace TicketHub.Bench;

/// <summary>The command line after the subcommand: <c>--name value</c> pairs, nothing positional.</summary>
public sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    public Options(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null) _values[name] = "true";
                name = arg[2..];
            }
            else if (name is not null)
            {
                _values[name] = arg;
                name = null;
            }
            else throw new UsageException($"Unexpected argument '{arg}'.");
        }
        if (name is not null) _values[name] = "true";
    }

    public string Text(string name) =>
        _values.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    public string? OptionalText(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int? fallback = null) =>
        _values.TryGetValue(name, out var value)
            ? int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n
                : throw new UsageException($"--{name} must be a whole number, not '{value}'.")
            : fallback ?? throw new UsageException($"--{name} is required.");
}

public sealed class UsageException(string message) : Exception(message);
