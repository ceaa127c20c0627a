using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Live;

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

    /// <summary>How long this node remembers that an id found nothing.</summary>
    public int NotFoundSeconds { get; set; } = 5;

    /// <summary>
    /// At most this many entries in each node's memory level (each counts 1); past it new entries are served but not
    /// kept, and the oldest are compacted away. A page of 50 events costs about 30 KB of heap, so the default bounds
    /// the level near 60 MB; 10,000 took the bench's never-repeating browse load to about 300 MB of cached pages.
    /// </summary>
    public int MemorySizeLimitEntries { get; set; } = 2_000;

    /// <summary>Prefix of every key and backplane channel in Redis, so that several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "tickethub:";

    /// <summary>How often the events that purchases marked changed get their figures recomputed (EventFigures).</summary>
    public int AvailabilityRefreshMilliseconds { get; set; } = 500;

    /// <summary>How often every event's figures are checked against its stock (marks lost in a crash).</summary>
    public int AvailabilityHealSeconds { get; set; } = 60;
}

/// <summary>
/// The read-through cache of everything browsing shows. Entries are immutable DTOs keyed by every filter and tagged by
/// what they depend on; writes remove by tag. Purchases never read from here.
/// </summary>
public sealed class CatalogCache(HybridCache cache, IOptions<CacheOptions> options, LiveSignals live) : IDisposable
{
    // Ids that found nothing, remembered briefly in a bounded set of this node's own, never in the shared cache:
    // made-up ids (/venues/<random>) cost a lookup each and cannot fill the cache.
    private readonly MemoryCache _missing = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public const string Events = "events";
    public const string Venues = "venues";
    public const string Performers = "performers";

    private const string EventTagPrefix = "event:";

    public static string Event(string id) => EventTagPrefix + id;

    public ValueTask<T> GetOrCreateAsync<T>(
        string key, Func<CancellationToken, ValueTask<T>> factory, string[] tags, bool carriesAvailability, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return factory(ct);
        var lifetime = TimeSpan.FromSeconds(carriesAvailability ? o.AvailabilitySeconds : o.CatalogSeconds);
        return cache.GetOrCreateAsync(key, factory,
            new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime }, tags, ct);
    }

    /// <summary>One object by its id, or null when there is none (see the bounded not-found set above).</summary>
    public async Task<T?> FindAsync<T>(string key, string id, Func<CancellationToken, ValueTask<T?>> factory, string[] tags,
        bool carriesAvailability, CancellationToken ct) where T : class
    {
        if (!Ids.CanBe(id) || _missing.TryGetValue(key, out _)) return null;
        try
        {
            return await GetOrCreateAsync<T>(key, async token => await factory(token) ?? throw new MissingFromCatalog(), tags, carriesAvailability, ct);
        }
        catch (MissingFromCatalog)
        {
            _missing.Set(key, true, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(1, options.Value.NotFoundSeconds)),
            });
            return null;
        }
    }

    public void Dispose() => _missing.Dispose();

    // Thrown by a lookup's factory so that nothing is written to the cache for an id that finds nothing.
    private sealed class MissingFromCatalog() : Exception("Not in the catalogue.");

    /// <summary>
    /// Removes every entry with one of these tags, on every node (through the backplane when Redis is configured).
    /// FusionCache does not throw when Redis is away: it logs, and the removal still takes effect in this node's memory.
    /// </summary>
    public async Task InvalidateAsync(params string[] tags)
    {
        // Whatever makes an event's cached availability stale changed it: its open pages hear of it (LiveTopics).
        foreach (var tag in tags)
            if (tag.StartsWith(EventTagPrefix, StringComparison.Ordinal)) live.Publish(LiveTopics.Availability(tag[EventTagPrefix.Length..]));
        if (!options.Value.Enabled) return;
        await cache.RemoveByTagAsync(tags, CancellationToken.None);
    }
}
