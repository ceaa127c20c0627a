using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TicketHub.Domain.Live;

namespace TicketHub.Tests.Live;

/// <summary>
/// Coalescing: however many changes of one event arrive, a node reads its state at most once per interval for all of
/// its open pages, serves the first change at once and never drops the last one.
/// </summary>
public sealed class LiveFeedTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly InProcessLiveSignals _signals = new();

    [Fact]
    public async Task A_hundred_sales_in_one_interval_are_two_reads_for_every_open_page_and_the_last_state_is_shown()
    {
        var feed = new VersionFeed(_signals, _clock);
        var pages = Enumerable.Range(0, 3).Select(_ => new Page()).ToArray();
        var watches = pages.Select(p => feed.Watch("e1", p.ShowAsync)).ToList();

        for (var sale = 1; sale <= 100; sale++)
        {
            feed.Version = sale;
            _signals.Publish(LiveTopics.Availability("e1"));
        }
        foreach (var page in pages) await page.Shown(1).WaitAsync(Patience, Ct);   // the first change, at once
        Assert.Equal(1, feed.Loads("e1"));

        _clock.Advance(Interval);
        foreach (var page in pages) Assert.Equal(100, await page.Shown(2).WaitAsync(Patience, Ct));
        Assert.Equal(2, feed.Loads("e1"));
        Assert.Equal(2, feed.Reads);
        watches.ForEach(w => w.Dispose());
    }

    [Fact]
    public async Task Other_events_changes_do_not_reach_a_page_and_a_closed_page_hears_nothing_more()
    {
        var feed = new VersionFeed(_signals, _clock);
        var open = new Page();
        var closed = new Page();
        using var watch = feed.Watch("e1", open.ShowAsync);
        feed.Watch("e1", closed.ShowAsync).Dispose();

        _signals.Publish(LiveTopics.Availability("e2"));
        _signals.Publish(LiveTopics.Entries("e1"));
        _signals.Publish(LiveTopics.Availability("e1"));
        await open.Shown(1).WaitAsync(Patience, Ct);

        Assert.Equal(1, feed.Reads);
        Assert.Empty(closed.States);
    }

    private sealed class VersionFeed(LiveSignals signals, TimeProvider clock)
        : LiveFeed<string>(signals, clock, Interval, NullLogger.Instance)
    {
        public int Version { get; set; }
        public int Reads { get; private set; }

        protected override string Topic(string id) => LiveTopics.Availability(id);

        protected override Task<string?> LoadAsync(string id, CancellationToken ct)
        {
            Reads++;
            return Task.FromResult<string?>($"{id}@{Version}");
        }
    }

    /// <summary>An open page: what it was pushed, in order.</summary>
    private sealed class Page
    {
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource<int> Done)> _waits = [];

        public List<string> States { get; } = [];

        public Task ShowAsync(string state)
        {
            lock (_gate)
            {
                States.Add(state);
                foreach (var w in _waits.Where(w => States.Count >= w.Count)) w.Done.TrySetResult(int.Parse(States[w.Count - 1].Split('@')[1]));
            }
            return Task.CompletedTask;
        }

        /// <summary>Completes with the version shown as the <paramref name="count"/>th state.</summary>
        public Task<int> Shown(int count)
        {
            lock (_gate)
            {
                var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                if (States.Count >= count) done.TrySetResult(int.Parse(States[count - 1].Split('@')[1]));
                else _waits.Add((count, done));
                return done.Task;
            }
        }
    }
}
