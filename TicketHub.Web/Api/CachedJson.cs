using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Api;

/// <summary>
/// Browse answers (view-events, view-venues, view-listings) come out of the catalogue cache as the same immutable
/// instance until they change, so their JSON and its strong ETag are kept beside the instance: a cache hit costs no
/// serialisation and no hashing, and a client that sends the ETag back in If-None-Match gets 304 with no body. When
/// the domain's entry expires or is invalidated, a new instance arrives and is serialised once (view-events' pages
/// arrive as JSON already: see JsonPage).
/// </summary>
public sealed class CachedJson(IOptions<JsonOptions> json, IOptions<CacheOptions> cache)
{
    private sealed record Entry(byte[] Json, string ETag);

    private readonly ConditionalWeakTable<object, Entry> _entries = new();

    /// <summary>The API's serializer options, for answers the domain writes as JSON itself.</summary>
    public JsonSerializerOptions SerializerOptions => json.Value.SerializerOptions;

    /// <summary>A page of results: the body is the items; the ETag also covers the total, which travels in headers.</summary>
    public IResult Page<T>(Page<T> page, HttpContext http) =>
        Respond(_entries.GetValue(page, p => Create(page.Items, page.TotalCount)), http);

    /// <summary>A page whose items the domain wrote as JSON already: only the ETag is made here, once per instance.</summary>
    public IResult Page(JsonPage page, HttpContext http) =>
        Respond(_entries.GetValue(page, p => WithETag(page.Utf8Json, page.TotalCount)), http);

    public IResult Ok<T>(T value, HttpContext http) where T : class =>
        Respond(_entries.GetValue(value, v => Create(v, total: null)), http);

    private IResult Respond(Entry entry, HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ETag = entry.ETag;
        // Every API read carries a bearer token, so no shared cache may keep it; the client itself may reuse it for as
        // long as the server's own cache may be stale, then revalidates with the ETag.
        headers.CacheControl = $"private, max-age={cache.Value.AvailabilitySeconds}";
        return Matches(http.Request.Headers.IfNoneMatch, entry.ETag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(entry.Json, "application/json; charset=utf-8");
    }

    private Entry Create(object value, int? total) =>
        WithETag(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.SerializerOptions), total);

    private static Entry WithETag(byte[] bytes, int? total)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(bytes);
        if (total is { } t) hash.AppendData(BitConverter.GetBytes(t));
        return new Entry(bytes, $"\"{Convert.ToBase64String(hash.GetHashAndReset(), 0, 18).Replace('+', '-').Replace('/', '_')}\"");
    }

    // If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x", and * matches any current representation.
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var current = EntityTagHeaderValue.Parse(etag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }
}
