using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace TicketHub.Domain.Common;

public static class CacheSetup
{
    /// <summary>The service key of the memory level, so that its bound can be observed.</summary>
    public const string MemoryLevel = "tickethub-cache-memory";

    /// <summary>
    /// FusionCache is the one <c>HybridCache</c> implementation, with or without Redis. Its memory level is bounded
    /// (every entry counts 1 against <c>Cache:MemorySizeLimitEntries</c>), so filters with endless values cannot grow
    /// it without end. With <c>ConnectionStrings:Redis</c>, Redis is the second level and the backplane: a write on
    /// one node evicts the entry (and the removal of a tag) from every node's memory level. A Redis outage costs
    /// only hits: FusionCache logs it, skips Redis for a few seconds at a time and serves from memory and the database.
    /// </summary>
    public static IServiceCollection AddTicketHubCache(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(CacheOptions.Section).Get<CacheOptions>() ?? new CacheOptions();
        services.AddKeyedSingleton(MemoryLevel, (_, _) =>
            new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.MemorySizeLimitEntries) }));

        var entry = new FusionCacheEntryOptions
        {
            Duration = TimeSpan.FromSeconds(options.CatalogSeconds),
            Size = 1,
            // Writes to Redis finish in the background: a slow or absent Redis never holds up a request.
            AllowBackgroundDistributedCacheOperations = true,
        };
        var cache = services.AddFusionCache()
            .WithOptions(o =>
            {
                o.CacheKeyPrefix = options.KeyPrefix;
                o.BackplaneChannelPrefix = options.KeyPrefix;
                o.DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(2);
                o.BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(2);
                o.TagsDefaultEntryOptions.Size = 1;
                // A node is subscribed before its cache serves the first read, so it misses no other node's eviction.
                o.WaitForInitialBackplaneSubscribe = true;
            })
            .WithDefaultEntryOptions(entry)
            .WithMemoryCache(sp => sp.GetRequiredKeyedService<MemoryCache>(MemoryLevel))
            .WithSerializer(new FusionCacheSystemTextJsonSerializer(new JsonSerializerOptions(JsonSerializerDefaults.General) { IncludeFields = true }));

        if (config.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            services.AddSingleton(new RedisConnection(redis));
            cache
                .WithDistributedCache(sp => new RedisCache(new RedisCacheOptions
                {
                    ConnectionMultiplexerFactory = sp.GetRequiredService<RedisConnection>().GetAsync,
                }))
                .WithBackplane(sp => new RedisBackplane(new RedisBackplaneOptions
                {
                    ConnectionMultiplexerFactory = sp.GetRequiredService<RedisConnection>().GetAsync,
                }));
        }
        cache.AsHybridCache();
        services.AddSingleton<CatalogCache>();
        return services;
    }
}

/// <summary>
/// One connection to Redis for the cache's second level, its backplane and the readiness check. It is made without
/// waiting for Redis (<c>AbortOnConnectFail=false</c>) and reconnects by itself, so the app starts and keeps serving
/// while Redis is away; commands fail within a second then.
/// </summary>
public sealed class RedisConnection(string connectionString) : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection = new(async () =>
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        return await ConnectionMultiplexer.ConnectAsync(options);
    });

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>Round trip to Redis; fails at once (RedisConnectionException) while the connection is down.</summary>
    public async Task<TimeSpan> PingAsync()
    {
        var connection = await GetAsync();
        if (!connection.IsConnected) throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected.");
        return await connection.GetDatabase().PingAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}
