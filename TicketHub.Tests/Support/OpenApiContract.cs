using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace TicketHub.Tests.Support;

/// <summary>
/// The app's OpenAPI document as something traffic can be held against: operations found by method and path, and
/// JSON Schema 2020-12 validators (JsonSchema.Net) for parameters, bodies and headers, with every <c>$ref</c> inlined.
/// </summary>
public sealed class OpenApiContract
{
    private static readonly ConcurrentDictionary<string, OpenApiContract> Parsed = new();
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly JsonObject _document;
    private readonly List<(string Template, string[] Segments, JsonObject Item)> _paths;

    private OpenApiContract(JsonObject document)
    {
        _document = document;
        _paths = document["paths"]!.AsObject()
            .Select(p => (p.Key, p.Key.Trim('/').Split('/'), p.Value!.AsObject()))
            .ToList();
    }

    public JsonObject Document => _document;

    /// <summary>One parse per distinct document text for the whole run: every app of a test run serves the same one.</summary>
    public static OpenApiContract Parse(string json) =>
        Parsed.GetOrAdd(json, text => new OpenApiContract(JsonNode.Parse(text)!.AsObject()));

    public IEnumerable<(string Path, string Method, JsonObject Operation)> Operations =>
        _paths.SelectMany(p => p.Item.Where(m => m.Key is "get" or "put" or "post" or "delete" or "patch")
            .Select(m => (p.Template, m.Key, m.Value!.AsObject())));

    /// <summary>The operation for a request, with its path's template; null when no documented route matches.</summary>
    public (string Template, JsonObject Operation)? Find(HttpMethod method, string path)
    {
        var segments = path.Trim('/').Split('/');
        foreach (var (template, templateSegments, item) in _paths)
        {
            if (templateSegments.Length != segments.Length) continue;
            var matches = templateSegments.Zip(segments).All(s => s.First.StartsWith('{') || string.Equals(s.First, s.Second, StringComparison.Ordinal));
            if (matches && item[method.Method.ToLowerInvariant()] is JsonObject operation) return (template, operation);
        }
        return null;
    }

    /// <summary>Validation errors of <paramref name="instance"/> against a schema of the document; empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(JsonNode schema, JsonElement instance)
    {
        var inlined = Inline(schema, depth: 0).ToJsonString();
        var validator = Schemas.GetOrAdd(inlined, text =>
            JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        EvaluationResults result;
        try
        {
            result = validator.Evaluate(instance, Evaluation);
        }
        catch (ArgumentOutOfRangeException)
        {
            // JsonSchema.Net's date-time format check throws on a year 0 ("0000-01-01T00:00:00Z") instead of failing it.
            return ["a value is out of its format's range"];
        }
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))
            .DefaultIfEmpty("does not match the schema")
            .Distinct()
            .ToList();
    }

    // A self-contained copy of a schema: each "$ref": "#/..." replaced by what it points at, siblings kept (3.1 allows them).
    private JsonNode Inline(JsonNode node, int depth)
    {
        if (depth > 32) throw new InvalidOperationException("The document's schemas nest deeper than 32 levels (a recursive $ref?).");
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } pointer && pointer.StartsWith("#/"))
                {
                    foreach (var (key, value) in Inline(Resolve(pointer), depth + 1).AsObject()) copy[key] = value?.DeepClone();
                }
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref") continue;
                    copy[key] = value is null ? null : Inline(value, depth + 1);
                }
                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(item => item is null ? null : Inline(item, depth + 1)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    private JsonNode Resolve(string pointer)
    {
        JsonNode current = _document;
        foreach (var raw in pointer[2..].Split('/'))
        {
            var key = raw.Replace("~1", "/").Replace("~0", "~");
            current = current[key] ?? throw new InvalidOperationException($"The document has no {pointer}.");
        }
        return current;
    }
}
