using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace TicketHub.Tests.Support;

/// <summary>
/// What the conformance check saw: every exchange counted, every way one departed from the document. A log made with
/// <paramref name="ofTheApp"/> false (the check's own specs, against planted answers) stays out of the run's tally.
/// </summary>
public sealed class ConformanceLog(bool ofTheApp = true)
{
    private static int _requests, _responses, _rejectedInvalid, _violations;
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Violations { get { lock (_entries) return _entries.ToList(); } }

    /// <summary>Over the whole test run: requests checked, responses checked, invalid requests the app rejected, violations.</summary>
    public static (int Requests, int Responses, int RejectedInvalid, int Violations) Totals =>
        (Volatile.Read(ref _requests), Volatile.Read(ref _responses), Volatile.Read(ref _rejectedInvalid), Volatile.Read(ref _violations));

    internal void Checked(bool invalidRequestRejected)
    {
        if (!ofTheApp) return;
        Interlocked.Increment(ref _requests);
        Interlocked.Increment(ref _responses);
        if (invalidRequestRejected) Interlocked.Increment(ref _rejectedInvalid);
    }

    internal void Violation(HttpRequestMessage request, int status, string what)
    {
        var entry = $"{request.Method} {request.RequestUri?.PathAndQuery} -> {status}: {what}";
        lock (_entries) _entries.Add(entry);
        if (!ofTheApp) return;
        Interlocked.Increment(ref _violations);
        // A whole-suite tally for measuring a document (one line per violation); the assertion is what fails a test.
        if (Environment.GetEnvironmentVariable("TICKETHUB_CONFORMANCE_REPORT") is { Length: > 0 } file)
            lock (typeof(ConformanceLog)) File.AppendAllText(file, entry.ReplaceLineEndings(" ") + Environment.NewLine);
    }
}

/// <summary>
/// Holds every /api exchange of a test client against the OpenAPI document, in process. A response must be documented
/// for its operation and status, in a documented media type, with a body and headers that validate. A request the
/// document rejects (an unknown route, a missing or mistyped parameter or member) must be rejected by the app with a
/// 4xx: the specs send invalid requests on purpose, and an app that accepted one would prove the document wrong.
/// </summary>
public sealed class ConformanceHandler(Func<Task<OpenApiContract>> contract, ConformanceLog log) : DelegatingHandler
{
    // Headers the API sets on purpose; each one a response carries must be documented for that response.
    private static readonly string[] ApiHeaders = ["X-Total-Count", "Link", "ETag", "Retry-After", "Location", "Cache-Control"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        // As bytes, then UTF-8 (the only encoding of JSON): a request may name a charset nothing can decode.
        var requestBody = request.Content is null ? null : System.Text.Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync(ct));
        var response = await base.SendAsync(request, ct);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/api/", StringComparison.Ordinal)) return response;

        await response.Content.LoadIntoBufferAsync(ct);
        var responseBody = await response.Content.ReadAsStringAsync(ct);
        var document = await contract();
        var status = (int)response.StatusCode;

        var requestProblems = new List<string>();
        var responseProblems = new List<string>();
        var found = document.Find(request.Method, path);
        if (found is not { } match)
        {
            requestProblems.Add("no documented route");
            if (status is not (404 or 405)) responseProblems.Add("an undocumented route answered other than 404/405");
        }
        else
        {
            CheckRequest(document, match.Operation, request, requestBody, requestProblems);
            CheckResponse(document, match.Operation, response, responseBody, responseProblems);
        }

        if (requestProblems.Count > 0 && status is < 400 or >= 500)
            responseProblems.Add($"the document rejects this request ({string.Join("; ", requestProblems)}) but the app answered {status}");
        foreach (var problem in responseProblems) log.Violation(request, status, problem);
        log.Checked(invalidRequestRejected: requestProblems.Count > 0 && status is >= 400 and < 500);
        return response;
    }

    private static void CheckRequest(OpenApiContract document, JsonObject operation, HttpRequestMessage request, string? body, List<string> problems)
    {
        var parameters = (operation["parameters"] as JsonArray ?? []).Select(p => p!.AsObject()).ToList();
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query);
        foreach (var (name, values) in query)
        {
            var declared = parameters.FirstOrDefault(p => (string?)p["in"] == "query" && (string?)p["name"] == name);
            if (declared is null) { problems.Add($"query parameter '{name}' is not documented"); continue; }
            foreach (var value in values)
                problems.AddRange(document.Validate(declared["schema"]!, ParameterInstance(declared["schema"]!, value ?? ""))
                    .Select(e => $"query '{name}'={value}: {e}"));
        }
        foreach (var p in parameters.Where(p => (bool?)p["required"] == true))
        {
            var name = (string)p["name"]!;
            var present = (string?)p["in"] switch
            {
                "query" => query.ContainsKey(name),
                "header" => request.Headers.Contains(name),
                _ => true,
            };
            if (!present) problems.Add($"required {(string?)p["in"]} parameter '{name}' is missing");
        }
        foreach (var p in parameters.Where(p => (string?)p["in"] == "header"))
        {
            if (!request.Headers.TryGetValues((string)p["name"]!, out var values)) continue;
            foreach (var value in values)
                problems.AddRange(document.Validate(p["schema"]!, JsonSerializer.SerializeToElement(value)).Select(e => $"header '{p["name"]}': {e}"));
        }

        if (operation["security"] is JsonArray security && security.Any(r => r is JsonObject { Count: > 0 }) &&
            request.Headers.Authorization is null)
            problems.Add("no bearer token on a secured operation");

        var hasBody = !string.IsNullOrEmpty(body);
        if (operation["requestBody"] is not JsonObject requestBody)
        {
            if (hasBody) problems.Add("a body where the document has none");
            return;
        }
        if (!hasBody)
        {
            if ((bool?)requestBody["required"] == true) problems.Add("the required body is missing");
            return;
        }
        var mediaType = request.Content!.Headers.ContentType?.MediaType ?? "";
        if (requestBody["content"]?[mediaType] is not JsonObject media) { problems.Add($"media type '{mediaType}' is not documented"); return; }
        if (!TryParse(body!, out var json)) { problems.Add("the body is not JSON"); return; }
        problems.AddRange(document.Validate(media["schema"]!, json).Select(e => $"body {e}"));
    }

    private static void CheckResponse(OpenApiContract document, JsonObject operation, HttpResponseMessage response, string body, List<string> problems)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var responses = operation["responses"]!.AsObject();
        if ((responses[status] ?? responses[$"{status[0]}XX"] ?? responses["default"]) is not JsonObject documented)
        {
            problems.Add($"status {status} is not documented");
            return;
        }

        var headers = documented["headers"] as JsonObject;
        foreach (var name in ApiHeaders)
        {
            // The framework marks error answers no-cache on its own; only successful answers promise caching rules.
            if (name == "Cache-Control" && response.StatusCode >= HttpStatusCode.BadRequest) continue;
            if (!response.Headers.TryGetValues(name, out var values)) continue;
            var declared = headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
            if (declared is null) { problems.Add($"header '{name}' is not documented"); continue; }
            var value = string.Join(", ", values);
            problems.AddRange(document.Validate(declared["schema"]!, ParameterInstance(declared["schema"]!, value)).Select(e => $"header '{name}': {e}"));
        }
        foreach (var (name, header) in headers ?? [])
            if ((bool?)header?["required"] == true && !response.Headers.Contains(name))
                problems.Add($"required header '{name}' is missing");

        var content = documented["content"] as JsonObject;
        if (string.IsNullOrEmpty(body))
        {
            if (content is { Count: > 0 }) problems.Add("no body where the document has one");
            return;
        }
        if (content is null) { problems.Add("a body where the document has none"); return; }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (content[mediaType] is not JsonObject media) { problems.Add($"media type '{mediaType}' is not documented"); return; }
        if (!TryParse(body, out var json)) { problems.Add("the body is not JSON"); return; }
        problems.AddRange(document.Validate(media["schema"]!, json).Select(e => $"body {e}"));
    }

    // Parameters and headers travel as text: a number where the schema allows one, a string otherwise.
    private static JsonElement ParameterInstance(JsonNode schema, string value)
    {
        var types = schema["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).ToArray(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        if (types.Any(t => t is "integer" or "number") && TryParse(value, out var number) && number.ValueKind == JsonValueKind.Number)
            return number;
        return JsonSerializer.SerializeToElement(value);
    }

    private static bool TryParse(string text, out JsonElement json)
    {
        try
        {
            using var parsed = JsonDocument.Parse(text);
            json = parsed.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            json = default;
            return false;
        }
    }
}
