using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TicketHub.Domain.Events;
using TicketHub.Domain.WaitingRooms;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Events;

/// <summary>
/// A visitor's place in an event's waiting room. Opening the page joins the queue (join-queue's rule); the room's
/// progress is pushed live (the queue feed, one read per change for all of a node's pages), and the page asks the
/// service again only when the draw has placed the visitor or their turn has come.
/// </summary>
public partial class WaitingRoom : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly SemaphoreSlim _asking = new(1, 1);
    private IDisposable? _watch;
    private bool _loaded;
    private string _userId = "";
    private EventSummary? _event;
    private QueueVisit? _visit;
    private int? _position;
    private int? _firstPosition;
    private int _waiting;
    private string? _error;

    [Inject] private EventService Events { get; set; } = null!;
    [Inject] private WaitingRoomService Rooms { get; set; } = null!;
    [Inject] private QueueFeed Queue { get; set; } = null!;

    [Parameter] public string Id { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private double Progress => _firstPosition is > 1 && _position is { } now ? 100.0 * (_firstPosition.Value - now) / (_firstPosition.Value - 1) : 0;

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _watch?.Dispose();
        _userId = (await CurrentUser.GetAsync(AuthState)).GetUserId();
        _event = await Events.FindAsync(Id, _cts.Token);
        if (_event is not null)
        {
            await AskAsync();
            if (RendererInfo.IsInteractive) _watch = Queue.Watch(Id, OnProgressAsync);
        }
        _loaded = true;
    }

    private async Task AskAsync()
    {
        await _asking.WaitAsync(_cts.Token);
        try
        {
            var visit = await Rooms.VisitAsync(_userId, Id, _cts.Token);
            if (!visit.IsSuccess)
            {
                _error = ErrorText.For(visit.Error);
                return;
            }
            _visit = visit.Value;
            (_position, _waiting) = (visit.Value.Status.Status == QueueStatuses.Waiting ? visit.Value.Status.Position : null, visit.Value.Status.Waiting);
            _firstPosition ??= _position;
        }
        finally
        {
            _asking.Release();
        }
    }

    private Task OnProgressAsync(QueueProgress progress) => InvokeAsync(async () =>
    {
        if (_visit is null) return;
        var (askAgain, position) = _visit.After(progress);
        if (askAgain) await AskAsync();
        else (_position, _waiting) = (position, progress.Waiting);
        _firstPosition ??= _position;
        StateHasChanged();
    });

    private static string Waiting(int waiting) => waiting == 1 ? "1 person is waiting." : $"{waiting:N0} people are waiting.";

    public void Dispose()
    {
        _watch?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }
}
