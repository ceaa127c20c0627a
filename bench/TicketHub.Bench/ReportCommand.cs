using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TicketHub.Bench;

/// <summary>
/// Gathers what bench/run measured (one folder per provider of small JSON files) into one table per provider and
/// one JSON document with the medians, the ratios and the machine's facts. Non-zero when an audit failed, a server
/// error was seen, a figure answered other than 2xx/3xx, or a figure is missing.
/// </summary>
public static class ReportCommand
{
    // The HTTP figures in the order they are printed; the ceiling is the yardstick of the others.
    private static readonly (string Key, string Label)[] Figures =
    [
        ("ceiling", "ceiling (same bytes, no work)"),
        ("view-events", "view-events by city, cache"),
        ("view-events-nocache", "view-events by city, no cache"),
        ("view-venues", "view-venues by city, cache"),
        ("event-page", "event page HTML /events/{id}"),
        ("event-page-signed-in", "event page HTML, signed in"),
        ("home", "home page HTML, anonymous"),
        ("home-signed-in", "home page HTML, signed in"),
        ("mixed-browse", "mixed browse (90 % popular)"),
        ("view-events-unique", "view-events, keys never repeat"),
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(Options o, CancellationToken ct)
    {
        var results = o.Text("results");
        var output = o.Text("out");
        var root = new JsonObject
        {
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["mode"] = o.Text("mode"),
            ["commit"] = o.OptionalText("commit"),
            ["runs"] = o.Int("runs"),
            ["durationSeconds"] = o.Int("duration"),
            ["wrk"] = o.OptionalText("wrk"),
            ["machine"] = Machine(o.OptionalText("dotnet")),
        };
        var providers = new JsonObject();
        var ok = true;
        foreach (var dir in Directory.GetDirectories(results).Order(StringComparer.Ordinal))
        {
            var (node, providerOk) = Provider(dir);
            providers[Path.GetFileName(dir)] = node;
            ok &= providerOk;
        }
        root["providers"] = providers;
        root["ok"] = ok && providers.Count > 0;

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, root.ToJsonString(Indented) + "\n", ct);
        Console.WriteLine($"Results: {output} ({(ok ? "all checks passed" : "FAILED")})");
        return ok && providers.Count > 0 ? 0 : 1;
    }

    private static (JsonObject Node, bool Ok) Provider(string dir)
    {
        var name = Path.GetFileName(dir);
        var notes = new JsonArray();
        foreach (var file in Directory.GetFiles(dir, "note-*.txt").Order(StringComparer.Ordinal))
            notes.Add(File.ReadAllText(file).Trim());
        var ok = !File.Exists(Path.Combine(dir, "failed.txt"));
        if (!ok) notes.Add("FAILED: " + File.ReadAllText(Path.Combine(dir, "failed.txt")).Trim());

        var seed = ReadObject(Path.Combine(dir, "seed.json"));
        var node = new JsonObject { ["seed"] = seed?.DeepClone() };
        foreach (var file in Directory.GetFiles(dir, "info-*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).Trim();
            node[Path.GetFileNameWithoutExtension(file)["info-".Length..]] =
                long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : JsonValue.Create(text);
        }

        var figures = new JsonObject();
        var ceiling = (double?)null;
        foreach (var (key, _) in Figures)
        {
            var runs = Runs(dir, $"wrk.{key}.");
            var skipped = File.Exists(Path.Combine(dir, $"note-{key}.txt"));
            if (runs.Count == 0)
            {
                figures[key] = null;
                if (!skipped) ok = false;   // a figure that should be there is missing
                continue;
            }
            var rps = Median(runs, "rps");
            var answered = runs.Where(r => Number(r, "requests") > 0).ToList();
            if (key == "ceiling") ceiling = rps;
            var non2xx = runs.Sum(r => Number(r, "non2xx"));
            ok &= non2xx == 0;
            // Not a failure of the run: the figure is real, just below one answer per run (each took longer than it).
            if (runs.Any(r => Number(r, "requests") == 0))
                notes.Add($"{key}: a run completed no request within its {D(runs[0], "seconds"):F0} s (every answer took longer); counted as 0 req/s.");
            figures[key] = new JsonObject
            {
                ["rps"] = Round(rps, 1),
                ["p50Ms"] = answered.Count > 0 ? Round(Median(answered, "p50Ms"), 2) : null,
                ["p99Ms"] = answered.Count > 0 ? Round(Median(answered, "p99Ms"), 2) : null,
                ["ratioToCeiling"] = ceiling is > 0 ? Round(rps / ceiling.Value, 4) : null,
                // Per response, headers included, from the first run.
                ["responseBytes"] = Number(runs[0], "requests") > 0 ? Number(runs[0], "bytes") / Number(runs[0], "requests") : null,
                ["non2xx"] = non2xx,
                ["socketErrors"] = runs.Sum(r => Number(r, "socketErrors")),
                ["runs"] = new JsonArray(runs.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
            };
        }
        node["figures"] = figures;

        var flashRuns = Runs(dir, "flash.");
        var audits = Runs(dir, "audit.");
        var raw = Runs(dir, "raw.");
        var rawRate = raw.Count > 0 ? Median(raw, "updatesPerSecond") : (double?)null;
        var auditPassed = audits.Count > 0 && audits.Count == flashRuns.Count && audits.All(a => a["passed"] is JsonValue p && p.ToJsonString() == "true");
        var errors5xx = flashRuns.Sum(r => Number(r, "errors5xx"));
        var unexpected = flashRuns.Sum(r => Number(r, "unexpected4xx") + Number(r, "transportErrors"));
        ok &= flashRuns.Count > 0 && auditPassed && errors5xx == 0 && unexpected == 0 && rawRate is not null;
        var purchases = flashRuns.Count > 0 ? Median(flashRuns, "purchasesPerSecond") : (double?)null;
        node["flashSale"] = flashRuns.Count == 0 ? null : new JsonObject
        {
            ["purchasesPerSecond"] = Round(purchases!.Value, 1),
            ["ticketsPerSecond"] = Round(Median(flashRuns, "ticketsPerSecond"), 1),
            ["p50Ms"] = Round(Median(flashRuns, "p50Ms"), 2),
            ["p99Ms"] = Round(Median(flashRuns, "p99Ms"), 2),
            ["requests"] = flashRuns.Sum(r => Number(r, "requests")),
            ["soldTickets"] = flashRuns.Sum(r => Number(r, "soldTickets")),
            ["errors5xx"] = errors5xx,
            ["unexpectedAnswers"] = unexpected,
            ["rawDbUpdatesPerSecond"] = rawRate is null ? null : Round(rawRate.Value, 1),
            ["ratioToRawDb"] = rawRate is > 0 ? Round(purchases!.Value / rawRate.Value, 4) : null,
            ["auditPassed"] = auditPassed,
            ["runs"] = new JsonArray(flashRuns.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
            ["audits"] = new JsonArray(audits.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
        };
        node["rawDb"] = raw.Count == 0 ? null : new JsonObject
        {
            ["updatesPerSecond"] = Round(rawRate!.Value, 1),
            ["runs"] = new JsonArray(raw.Select(r => (JsonNode?)r.DeepClone()).ToArray()),
        };
        var rssKb = ReadText(Path.Combine(dir, "rss-max-kb.txt"));
        node["maxRssMB"] = rssKb is null ? null : Round(long.Parse(rssKb, CultureInfo.InvariantCulture) / 1024.0, 0);
        var byPhase = new JsonObject();
        foreach (var file in Directory.GetFiles(dir, "rss-kb.*.txt").Order(StringComparer.Ordinal))
        {
            var phase = Path.GetFileName(file)["rss-kb.".Length..^".txt".Length];
            byPhase[phase] = Round(long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture) / 1024.0, 0);
        }
        node["maxRssMBByPhase"] = byPhase;
        node["notes"] = notes;
        node["ok"] = ok;

        PrintTable(name, node, seed);
        return (node, ok);
    }

    private static void PrintTable(string name, JsonObject node, JsonObject? seed)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        var size = seed is null ? "" : string.Format(inv, " — {0:N0} events, {1:N0} venues in {2:N0} cities, {3:N0} tickets, {4:N0} buyers",
            Number(seed, "events"), Number(seed, "venues"), Number(seed, "cities"), Number(seed, "tickets"), Number(seed, "buyers"));
        Console.WriteLine($"== {name}{size}");
        Console.WriteLine($"{"figure",-32} {"req/s",10} {"p50 ms",9} {"p99 ms",9} {"vs ceiling",11} {"non-2xx",8}");
        foreach (var (key, label) in Figures)
        {
            if (node["figures"]?[key] is not JsonObject f)
            {
                Console.WriteLine($"{label,-32} {"—",10}   (not measured)");
                continue;
            }
            var ratio = f["ratioToCeiling"] is not null ? D(f, "ratioToCeiling").ToString("P1", inv) : "—";
            Console.WriteLine(string.Format(inv, "{0,-32} {1,10:F1} {2,9} {3,9} {4,11} {5,8}",
                label, D(f, "rps"), Ms(f, "p50Ms"), Ms(f, "p99Ms"), ratio, Number(f, "non2xx")));
        }
        if (node["flashSale"] is JsonObject s)
        {
            var ratio = s["ratioToRawDb"] is not null ? D(s, "ratioToRawDb").ToString("P1", inv) : "—";
            Console.WriteLine(string.Format(inv, "{0,-32} {1,10} {2,9} {3,9} {4,11} {5,8}", "", "purch./s", "p50 ms", "p99 ms", "vs raw DB", "5xx"));
            Console.WriteLine(string.Format(inv, "{0,-32} {1,10:F1} {2,9:F2} {3,9:F2} {4,11} {5,8}",
                "flash sale (buy-ticket)", D(s, "purchasesPerSecond"), D(s, "p50Ms"), D(s, "p99Ms"), ratio, Number(s, "errors5xx")));
            Console.WriteLine(string.Format(inv, "  {0:N0} tickets sold at {1:F1} tickets/s; raw DB limit {2:F1} updates/s; audit {3}",
                Number(s, "soldTickets"), D(s, "ticketsPerSecond"), D(s, "rawDbUpdatesPerSecond"),
                s["auditPassed"]?.GetValue<bool>() == true ? "passed" : "FAILED"));
        }
        else Console.WriteLine("flash sale: not measured");
        Console.WriteLine($"max RSS of the app: {(node["maxRssMB"] is { } m ? $"{m} MB" : "—")}");
        if (node["maxRssMBByPhase"] is JsonObject phases && phases.Count > 0)
            Console.WriteLine($"  by phase (MB): {string.Join(", ", phases.Select(p => $"{p.Key} {p.Value}"))}");
        foreach (var note in node["notes"]?.AsArray() ?? []) Console.WriteLine($"note: {note}");
        if (node["ok"]?.GetValue<bool>() != true) Console.WriteLine("RESULT: FAILED (see above)");
    }

    private static JsonObject Machine(string? dotnet)
    {
        var memKb = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim();
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?["PRETTY_NAME=".Length..].Trim('"')
            : null;
        return new JsonObject
        {
            ["nproc"] = Environment.ProcessorCount,
            ["memoryMB"] = memKb is null ? null : long.Parse(memKb, CultureInfo.InvariantCulture) / 1024,
            ["cpuModel"] = cpu,
            ["dotnet"] = dotnet,
            ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            ["os"] = os ?? System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ["kernel"] = Environment.OSVersion.VersionString,
        };
    }

    // Run files are named <what>.<run>.json; the dots keep "view-events" from matching "view-events-nocache".
    private static List<JsonObject> Runs(string dir, string prefix) =>
        Directory.GetFiles(dir, prefix + "*.json").Order(StringComparer.Ordinal)
            .Select(ReadObject).OfType<JsonObject>().ToList();

    private static JsonObject? ReadObject(string path) =>
        File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject o ? o : null;

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    // Parsed numbers and numbers put in by this class are different JsonValue kinds; the JSON text reads the same.
    private static double D(JsonNode? o, string name) =>
        o?[name] is JsonValue v && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;

    private static long Number(JsonNode? o, string name) => (long)D(o, name);

    private static string Ms(JsonNode o, string name) => o[name] is null ? "—" : D(o, name).ToString("F2", CultureInfo.InvariantCulture);

    private static double Median(List<JsonObject> runs, string name)
    {
        var values = runs.Select(r => D(r, name)).Order().ToArray();
        return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
    }

    private static double Round(double value, int digits) => Math.Round(value, digits);
}
