using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace TicketHub.Domain.Common;

public sealed class CacheOptions
{
    public const string Section = "Cache";

    /// <summary>Off only to measure what the cache buys (bench) or to debug.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How old browse results that carry availability (prices, tickets left) may be.</summary>
    public int AvailabilitySeconds { get; set; } = 5;

    /// <summary>How long catalogue facts (venues, performers, cities) live; writes invalidate them by tag anyway.</summary>
    public int CatalogSeconds { get; set; } = 300;
}

/// <summary>
/// The read-through cache of everything browsing shows. Entries are immutable DTOs keyed by every filter and tagged by
/// what they depend on; writes remove by tag. Purchases never read from here.
/// </summary>
public sealed class CatalogCache(HybridCache cache, IOptions<CacheOptions> options)
{
    public const string Events = "events";
    public const string Venues = "venues";
    public const string Performers = "performers";

    public static string Event(string id) => $"event:{id}";

    public ValueTask<T> GetOrCreateAsync<T>(
        string key, Func<CancellationToken, ValueTask<T>> factory, string[] tags, bool carriesAvailability, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return factory(ct);
        var lifetime = TimeSpan.FromSeconds(carriesAvailability ? o.AvailabilitySeconds : o.CatalogSeconds);
        return cache.GetOrCreateAsync(key, factory,
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime }, tags, ct);
    }

    public async Task InvalidateAsync(params string[] tags)
    {
        if (!options.Value.Enabled) return;
        // Never fail a write that has committed because the cache hiccuped; the entries expire on their own.
        try { await cache.RemoveByTagAsync(tags, CancellationToken.None); }
        catch (Exception) when (tags.Length > 0) { }
    }
}
