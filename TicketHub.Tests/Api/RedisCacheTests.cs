using System.Net;
using StackExchange.Redis;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

/// <summary>Redis as the cache's second level: used when configured, and its outage costs nothing but speed.</summary>
public sealed class RedisCacheTests() : ApiTest(DatabaseProvider.Sqlite)
{
    public const string RedisVariable = "TICKETHUB_TEST_REDIS";

    public static string Redis => Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } r
        ? r
        : throw new InvalidOperationException($"{RedisVariable} is not set: the Redis specs need the server that ./test.sh starts.");

    private readonly string _instance = $"redis-spec-{Guid.NewGuid():N}";

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = Redis,
    };

    [Fact]
    public async Task Browse_results_are_shared_through_redis_and_ready_reports_it_healthy()
    {
        var vendor = await VendorAsync();
        await AddEventAsync(vendor, await AddVenueAsync(vendor, city: _instance));

        await (await vendor.GetAsync($"/api/tickets/view-events?city={_instance}", Ct)).EnsureOkAsync();

        await using var redis = await ConnectionMultiplexer.ConnectAsync(Redis);
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var key = _instance.ToUpperInvariant();
        var found = false;
        for (var i = 0; i < 50 && !found; i++)
        {
            found = server.Keys(pattern: $"*tickethub:*{key}*").Any();   // FusionCache puts its format version first
            if (!found) await Task.Delay(100, Ct);
        }
        Assert.True(found, "the view-events page should have been written to Redis");
        Assert.Equal("Healthy", await Anonymous.GetStringAsync("/health/ready", Ct));
    }
}

public sealed class RedisOutageTests() : ApiTest(DatabaseProvider.Sqlite)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200",   // nothing listens on port 1
    };

    [Fact]
    public async Task Without_redis_browsing_still_works_and_ready_says_degraded()
    {
        var vendor = await VendorAsync();
        await AddEventAsync(vendor, await AddVenueAsync(vendor));

        var events = await vendor.GetAsync("/api/tickets/view-events", Ct);
        var ready = await Anonymous.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync(Ct));
    }
}
