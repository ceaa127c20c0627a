using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Live;

/// <summary>What changes are announced on: one topic per kind of change and event.</summary>
public static class LiveTopics
{
    /// <summary>Stock or resale listings of the event changed.</summary>
    public static string Availability(string eventId) => $"availability:{eventId}";

    /// <summary>Someone came in through a door of the event.</summary>
    public static string Entries(string eventId) => $"entries:{eventId}";

    /// <summary>The event's waiting room moved: someone joined, or more were admitted.</summary>
    public static string Queue(string eventId) => $"queue:{eventId}";
}

/// <summary>
/// "Something changed" signals, heard on every web node: on this node at once, and on the others through Redis
/// pub/sub when Redis is configured. A signal carries only its topic; whoever listens reads the new state itself
/// (see <see cref="LiveFeed{T}"/>). Losing a signal (Redis away) costs freshness, never correctness.
/// </summary>
public abstract class LiveSignals
{
    private readonly Dictionary<string, List<Action>> _listeners = [];
    private readonly Lock _gate = new();

    /// <summary>Announces a change; returns at once and never throws (purchases call it).</summary>
    public void Publish(string topic)
    {
        Deliver(topic);
        PublishToOtherNodes(topic);
    }

    /// <summary>Calls <paramref name="onSignal"/> for every signal of the topic until disposed. It must return quickly and not throw.</summary>
    public IDisposable Listen(string topic, Action onSignal)
    {
        lock (_gate)
        {
            if (!_listeners.TryGetValue(topic, out var list)) _listeners[topic] = list = [];
            list.Add(onSignal);
        }
        return new Unlisten(() =>
        {
            lock (_gate)
            {
                if (!_listeners.TryGetValue(topic, out var list)) return;
                list.Remove(onSignal);
                if (list.Count == 0) _listeners.Remove(topic);
            }
        });
    }

    protected abstract void PublishToOtherNodes(string topic);

    protected void Deliver(string topic)
    {
        Action[] listeners;
        lock (_gate)
        {
            if (!_listeners.TryGetValue(topic, out var list)) return;
            listeners = [.. list];
        }
        foreach (var listener in listeners) listener();
    }

    private sealed class Unlisten(Action dispose) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) dispose();
        }
    }

    /// <summary>In-process only, chosen at start-up when Redis is not configured (a single node).</summary>
    internal static IServiceCollection AddLiveSignals(IServiceCollection services, IConfiguration config)
    {
        if (string.IsNullOrWhiteSpace(config.GetConnectionString("Redis")))
            return services.AddSingleton<LiveSignals, InProcessLiveSignals>();
        services.AddSingleton<RedisLiveSignals>();
        services.AddSingleton<LiveSignals>(sp => sp.GetRequiredService<RedisLiveSignals>());
        return services.AddHostedService(sp => sp.GetRequiredService<RedisLiveSignals>());
    }
}

internal sealed class InProcessLiveSignals : LiveSignals
{
    protected override void PublishToOtherNodes(string topic)
    {
    }
}

/// <summary>
/// Signals through one Redis pub/sub channel shared by every node (under the cache's key prefix). A node hears its own
/// messages too and skips them: it delivered them locally already. Publishing is fire-and-forget, so a purchase never
/// waits on Redis; while Redis is away, other nodes hear nothing until it is back (their pages keep what they show).
/// </summary>
internal sealed class RedisLiveSignals(RedisConnection redis, Microsoft.Extensions.Options.IOptions<CacheOptions> cache, ILogger<RedisLiveSignals> logger)
    : LiveSignals, IHostedService
{
    private readonly string _node = Guid.NewGuid().ToString("N")[..12];
    private readonly RedisChannel _channel = RedisChannel.Literal($"{cache.Value.KeyPrefix}live");

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task _retrying = Task.CompletedTask;

    // Redis out of reach at start-up must not keep the node from starting (an outage only costs freshness): subscribe
    // in the background until it answers. Once subscribed, the multiplexer re-subscribes by itself after a reconnect.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TrySubscribeAsync(firstTry: true)) _retrying = RetryAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _retrying.ContinueWith(_ => { }, TaskScheduler.Default);   // the retry loop ends by cancellation
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RetryEvery);
        while (await timer.WaitForNextTickAsync(stopping))
            if (await TrySubscribeAsync(firstTry: false)) return;
    }

    private async Task<bool> TrySubscribeAsync(bool firstTry)
    {
        try
        {
            var connection = await redis.GetAsync();
            await connection.GetSubscriber().SubscribeAsync(_channel, (_, message) =>
            {
                var text = (string?)message;
                var separator = text?.IndexOf('|') ?? -1;
                if (separator <= 0 || text![..separator] == _node) return;
                Deliver(text[(separator + 1)..]);
            });
            if (!firstTry) logger.LogInformation("Redis answers again: this node hears other nodes' changes.");
            return true;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException)
        {
            if (firstTry)
                logger.LogWarning(ex, "Redis is out of reach: this node's pages miss other nodes' changes until it answers (retrying every {Interval}).", RetryEvery);
            return false;
        }
    }

    protected override void PublishToOtherNodes(string topic)
    {
        var connection = redis.GetAsync();
        if (!connection.IsCompletedSuccessfully) return;   // not connected yet: start-up only
        try
        {
            connection.Result.GetSubscriber().Publish(_channel, $"{_node}|{topic}", CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Could not tell the other nodes about {Topic}; their pages catch up on the next change.", topic);
        }
    }
}
