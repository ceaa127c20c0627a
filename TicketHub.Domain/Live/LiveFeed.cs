using Microsoft.Extensions.Logging;

namespace TicketHub.Domain.Live;

public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>
    /// The least time between two reads of one event's state on one node, however many changes arrive: a hot lot's
    /// sales re-render its open pages at most 1000/this times a second (4 at the default), and each node reads the
    /// database once per interval and event, not once per open page.
    /// </summary>
    public int MinIntervalMilliseconds { get; set; } = 250;
}

/// <summary>
/// Fresh state of one kind per event, pushed to whoever watches it on this node. Signals for an id are coalesced: the
/// first is served at once, later ones within <see cref="LiveOptions.MinIntervalMilliseconds"/> are served together
/// once that interval has passed (so the last change is never dropped), and each serving reads the state once for
/// every watcher.
/// </summary>
public abstract class LiveFeed<T>(LiveSignals signals, TimeProvider clock, TimeSpan interval, ILogger logger) where T : class
{
    private readonly Dictionary<string, Watcher> _watches = [];
    private readonly Lock _gate = new();

    protected abstract string Topic(string id);

    /// <summary>The current state, or null when there is none (the id names nothing).</summary>
    protected abstract Task<T?> LoadAsync(string id, CancellationToken ct);

    /// <summary>Calls <paramref name="onChange"/> with the new state after each (coalesced) change of <paramref name="id"/>, until disposed.</summary>
    public IDisposable Watch(string id, Func<T, Task> onChange)
    {
        Watcher watch;
        lock (_gate)
        {
            if (!_watches.TryGetValue(id, out watch!))
            {
                watch = new Watcher(id);
                _watches[id] = watch;
                watch.Signal = signals.Listen(Topic(id), () => OnSignal(watch));
            }
            watch.Handlers.Add(onChange);
        }
        return new Unwatch(() =>
        {
            lock (_gate)
            {
                watch.Handlers.Remove(onChange);
                if (watch.Handlers.Count > 0) return;
                _watches.Remove(id);
                watch.Signal?.Dispose();
            }
        });
    }

    /// <summary>How many times this node has read the state of <paramref name="id"/> for its watchers (coalescing made visible).</summary>
    public int Loads(string id)
    {
        lock (_gate) return _watches.TryGetValue(id, out var watch) ? watch.Loads : 0;
    }

    private void OnSignal(Watcher watch)
    {
        lock (_gate)
        {
            if (watch.Scheduled) return;
            watch.Scheduled = true;
        }
        _ = ServeAsync(watch);
    }

    private async Task ServeAsync(Watcher watch)
    {
        try
        {
            var wait = watch.LastServed + interval - clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, clock);
            Func<T, Task>[] handlers;
            lock (_gate)
            {
                // From here on a new signal schedules the next serving, one interval after this one.
                watch.Scheduled = false;
                watch.LastServed = clock.GetUtcNow();
                watch.Loads++;
                handlers = [.. watch.Handlers];
            }
            if (handlers.Length == 0) return;
            var state = await LoadAsync(watch.Id, CancellationToken.None);
            if (state is null) return;
            // Each watcher is a page on its own circuit: one slow to render must not hold up the others.
            await Task.WhenAll(handlers.Select(async handler =>
            {
                try
                {
                    await handler(state);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A watcher of {Topic} failed to take the new state.", Topic(watch.Id));
                }
            }));
        }
        catch (Exception ex)
        {
            lock (_gate) watch.Scheduled = false;
            logger.LogError(ex, "Reading the new state of {Topic} failed; watchers keep what they show until the next change.", Topic(watch.Id));
        }
    }

    private sealed class Watcher(string id)
    {
        public string Id { get; } = id;
        public List<Func<T, Task>> Handlers { get; } = [];
        public IDisposable? Signal { get; set; }
        public bool Scheduled { get; set; }
        public DateTimeOffset LastServed { get; set; } = DateTimeOffset.MinValue;
        public int Loads { get; set; }
    }

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) dispose();
        }
    }
}
