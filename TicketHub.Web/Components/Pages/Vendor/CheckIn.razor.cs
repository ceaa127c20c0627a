using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Live;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

/// <summary>
/// The door of one event: a scanned or typed code goes to the same check-in service as POST /api/tickets/check-in, and
/// the count of who has entered follows every door live (the entry feed).
/// </summary>
public partial class CheckIn : IDisposable
{
    private const int HistoryLength = 8;

    private readonly CancellationTokenSource _cts = new();
    private readonly List<Scan> _history = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private MudTextField<string>? _input;
    private IDisposable? _watch;
    private bool _loaded;
    private bool _busy;
    private string _vendorId = "";
    private EventSummary? _event;
    private string? _code;
    private string? _error;
    private Scan? _last;
    private int _entered;
    private int _tickets;

    [Inject] private EventService Events { get; set; } = null!;
    [Inject] private CheckInService Door { get; set; } = null!;
    [Inject] private EntryFeed Entries { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public string Id { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private double Percent => _tickets == 0 ? 0 : 100.0 * _entered / _tickets;

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _watch?.Dispose();
        _vendorId = (await CurrentUser.GetAsync(AuthState)).GetUserId();
        var found = await Events.FindForVendorAsync(_vendorId, Id, _cts.Token);
        _event = found.IsSuccess ? found.Value : null;   // someone else's event reads as not available
        if (_event is not null)
        {
            _breadcrumbs = [new("Your events", "/vendor/events"), new(_event.Name, $"/vendor/events/{Id}"), new("Check-in", href: null, disabled: true)];
            var count = await Door.EntriesAsync(_vendorId, Id, _cts.Token);
            if (count.IsSuccess) (_entered, _tickets) = (count.Value.Entered, count.Value.Tickets);
            // Only a live circuit can be pushed to; the prerendered page shows the count as it was.
            if (RendererInfo.IsInteractive) _watch = Entries.Watch(Id, OnEntriesAsync);
        }
        _loaded = true;
    }

    private Task OnEntriesAsync(EntryCount count) => InvokeAsync(() =>
    {
        (_entered, _tickets) = (count.Entered, count.Tickets);
        StateHasChanged();
    });

    private async Task ScanAsync()
    {
        if (_busy || string.IsNullOrWhiteSpace(_code)) return;
        _busy = true;
        _error = null;
        try
        {
            var result = await Door.CheckInAsync(_vendorId, new CheckInCommand(Id, _code), _cts.Token);
            if (result.IsSuccess)
            {
                _last = new Scan(result.Value, Clock.GetUtcNow().UtcDateTime);
                _history.Insert(0, _last);
                if (_history.Count > HistoryLength) _history.RemoveAt(_history.Count - 1);
                _entered = Math.Max(_entered, result.Value.Entered);
                _code = null;
            }
            else
            {
                (_last, _error) = (null, ErrorText.For(result.Error));
            }
        }
        finally
        {
            _busy = false;
        }
        StateHasChanged();
        if (_input is not null) await _input.FocusAsync();   // ready for the next scan
    }

    private string Detail(CheckInResult result) => result.Verdict switch
    {
        CheckInVerdicts.Valid => $"Admit one: {Seat(result)}.",
        CheckInVerdicts.AlreadyUsed when result.CheckedInAt is { } at =>
            $"{Seat(result)} came in at {VenueTime.ToLocal(at, _event!.Venue.TimeZone):HH:mm:ss} on {VenueTime.ToLocal(at, _event.Venue.TimeZone):ddd d MMM} ({VenueTime.ZoneName(_event.Venue.TimeZone)}). Do not admit again.",
        _ => Verdict.Of(result.Verdict).Advice,
    };

    private static string Seat(CheckInResult result) => result.Seat is null ? "" : VenueTime.Seat(result.Section, result.Seat);

    public void Dispose()
    {
        _watch?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed record Scan(CheckInResult Result, DateTime At);

    /// <summary>How the door shows each verdict of the check-in service.</summary>
    private sealed record Verdict(string Title, Severity Severity, string Advice)
    {
        public static Verdict Of(string verdict) => verdict switch
        {
            CheckInVerdicts.Valid => new("Valid", Severity.Success, "Admit one."),
            CheckInVerdicts.AlreadyUsed => new("Already used", Severity.Error, "This ticket has already come in. Do not admit again."),
            CheckInVerdicts.Revoked => new("Revoked", Severity.Error,
                "This code no longer admits anyone: the ticket was resold (its buyer has a new code) or is listed for resale."),
            CheckInVerdicts.WrongEvent => new("Wrong event", Severity.Warning, "This ticket is for another event."),
            _ => new("Forged", Severity.Error, "This is not a code TicketHub signed, or it was altered. Do not admit."),
        };
    }
}
