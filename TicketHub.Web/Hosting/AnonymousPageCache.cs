using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Marks a browse page whose anonymous rendering is the same for every anonymous visitor, so it may be served from
/// <see cref="AnonymousPageCache"/> for a few seconds.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AnonymousPageCacheAttribute : Attribute;

public sealed class PageCacheOptions
{
    public const string Section = "Cache:Pages";

    /// <summary>How long an anonymous page is reused; 0 turns the page cache off. Keep it within Cache:AvailabilitySeconds.</summary>
    public int Seconds { get; set; } = 5;

    public int SizeLimitMegabytes { get; set; } = 64;
}

/// <summary>
/// Micro-caches the prerendered HTML of <see cref="AnonymousPageCacheAttribute"/> pages for anonymous visitors (a
/// flash sale sends thousands of them to one event page; rendering the MudBlazor tree costs ~2 ms of CPU each).
/// Signed-in visitors always get a fresh render. A page is reused for <see cref="PageCacheOptions.Seconds"/> and is
/// built from catalogue entries that may themselves be up to Cache:AvailabilitySeconds old, so what it shows can be
/// about twice that old (10 s by default); a purchase never reads from here.
/// </summary>
/// <remarks>
/// Not the framework's output cache: it refuses responses that set cookies, and an interactive page sets the
/// antiforgery cookie. Serving that cookie to everyone would hand every visitor the same token pair, so this cache
/// keeps the cookie for the visitor whose request rendered the page and replays only the body and the other headers.
/// The interactive markers in the body are not per visitor: each visitor's circuit starts from them independently.
/// </remarks>
public sealed class AnonymousPageCache
{
    private static readonly HashSet<string> NotReplayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Date", "Server", "Content-Length", "Transfer-Encoding",
    };

    private readonly RequestDelegate _next;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _pages;
    private const int MaxValueLength = 256;

    private readonly ConcurrentDictionary<string, Task<CachedPage?>> _rendering = new();
    private readonly ConcurrentDictionary<Endpoint, string[]> _queryNames = new();
    private readonly bool _announce;

    public AnonymousPageCache(RequestDelegate next, IOptions<PageCacheOptions> options, IOptions<CacheOptions> cache, IHostEnvironment env)
    {
        _next = next;
        _announce = !env.IsProduction();   // X-Page-Cache helps operators and tests; production keeps its internals to itself
        _lifetime = cache.Value.Enabled ? TimeSpan.FromSeconds(Math.Max(0, options.Value.Seconds)) : TimeSpan.Zero;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.SizeLimitMegabytes) * 1024L * 1024L });
    }

    public async Task InvokeAsync(HttpContext http)
    {
        if (!Applies(http))
        {
            await _next(http);
            return;
        }

        if (KeyOf(http) is not { } key)
        {
            await _next(http);
            return;
        }
        if (_pages.TryGetValue(key, out CachedPage? cached))
        {
            await cached!.WriteToAsync(http, _announce);
            return;
        }

        // One render per page at a time; visitors who arrive meanwhile get its result instead of rendering it again.
        var mine = new TaskCompletionSource<CachedPage?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var rendering = _rendering.GetOrAdd(key, mine.Task);
        if (rendering != mine.Task)
        {
            if (await rendering.WaitAsync(http.RequestAborted) is { } shared) await shared.WriteToAsync(http, _announce);
            else await _next(http);
            return;
        }

        CachedPage? page = null;
        try
        {
            page = await RenderAndCaptureAsync(http);
            if (page is not null)
                _pages.Set(key, page, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = _lifetime, Size = page.Body.Length + 1024 });
        }
        finally
        {
            mine.TrySetResult(page);
            _rendering.TryRemove(new KeyValuePair<string, Task<CachedPage?>>(key, mine.Task));
        }
    }

    private bool Applies(HttpContext http) =>
        _lifetime > TimeSpan.Zero
        && HttpMethods.IsGet(http.Request.Method)
        && http.User.Identity?.IsAuthenticated != true
        && !http.Request.Headers.ContainsKey("Authorization")
        && http.GetEndpoint()?.Metadata.GetMetadata<AnonymousPageCacheAttribute>() is not null;

    // Only the query parameters the page reads ([SupplyParameterFromQuery]) are part of the key, each at most
    // MaxValueLength long, so made-up parameters and values cannot mint new entries. Enhanced navigation asks for the
    // same page with a different Accept header; keep the two apart.
    private string? KeyOf(HttpContext http)
    {
        var request = http.Request;
        var key = new StringBuilder(request.Path.Value);
        foreach (var name in _queryNames.GetOrAdd(http.GetEndpoint()!, QueryNamesOf))
        {
            if (!request.Query.TryGetValue(name, out var values)) continue;
            var value = values.ToString();
            if (value.Length > MaxValueLength || values.Count > 1) return null;
            key.Append('|').Append(name).Append('=').Append(value);
        }
        if (request.Headers.Accept.ToString().Contains("blazor-enhanced-nav", StringComparison.Ordinal)) key.Append("|enhanced");
        return key.ToString();
    }

    private static string[] QueryNamesOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => p.GetCustomAttribute<SupplyParameterFromQueryAttribute>() is { } query ? query.Name ?? p.Name : null)
            .OfType<string>().Order(StringComparer.OrdinalIgnoreCase).ToArray()
        ?? [];

    private async Task<CachedPage?> RenderAndCaptureAsync(HttpContext http)
    {
        var response = http.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await _next(http);
        }
        finally
        {
            response.Body = original;
        }

        if (_announce) response.Headers["X-Page-Cache"] = "miss";
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);

        var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        if (response.StatusCode != StatusCodes.Status200OK || !isHtml) return null;
        var headers = response.Headers.Where(h => !NotReplayed.Contains(h.Key) && h.Key != "X-Page-Cache").ToArray();
        return new CachedPage(headers, buffer.ToArray());
    }

    private sealed record CachedPage(KeyValuePair<string, StringValues>[] Headers, byte[] Body)
    {
        public Task WriteToAsync(HttpContext http, bool announce)
        {
            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            foreach (var (name, value) in Headers) response.Headers[name] = value;
            if (announce) response.Headers["X-Page-Cache"] = "hit";
            response.ContentLength = Body.Length;
            return response.Body.WriteAsync(Body, http.RequestAborted).AsTask();
        }
    }
}
