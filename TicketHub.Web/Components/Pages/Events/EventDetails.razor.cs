using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using TicketHub.Domain.Events;
using TicketHub.Domain.Live;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.WaitingRooms;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Events;

/// <summary>
/// One event with everything on sale for it. The quantity selectors are bounded by the offer's stock and the buyer's
/// remaining allowance only as a convenience; the purchase itself enforces both. On a live circuit the offers follow
/// every sale and listing of the event (the availability feed), without a reload.
/// </summary>
public partial class EventDetails : IDisposable
{
    private CancellationTokenSource _cts = new();
    private bool _loaded;
    private EventSummary? _event;
    private string _currency = "USD";
    private IReadOnlyList<OfferRow> _offers = [];
    private readonly Dictionary<string, int> _quantities = [];
    private Viewer _viewer;
    private int _allowance;
    private bool _started;
    private string? _error;
    private IDisposable? _watch;
    private IReadOnlySet<string> _ownListings = new HashSet<string>();
    private QueueProgress? _room;

    [Inject] private EventService Events { get; set; } = null!;
    [Inject] private TicketInventoryService Inventory { get; set; } = null!;
    [Inject] private HoldingService Holdings { get; set; } = null!;
    [Inject] private AvailabilityFeed Availability { get; set; } = null!;
    [Inject] private WaitingRoomService Rooms { get; set; } = null!;
    [Inject] private NavigationManager Nav { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [Parameter] public string Id { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    /// <summary>
    /// What the prerender loaded, handed over to the interactive render when the circuit starts, which then shows it
    /// instead of loading it all again.
    /// </summary>
    [PersistentState] public EventPageState? Loaded { get; set; }

    private string LoginHref => $"/account/login?returnUrl={Uri.EscapeDataString($"/events/{Id}")}";

    protected override async Task OnParametersSetAsync()
    {
        await _cts.CancelAsync();
        _cts.Dispose();
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;

        _quantities.Clear();
        _watch?.Dispose();
        if (Loaded?.EventId != Id)
        {
            (_loaded, _error, _offers) = (false, null, []);
            try
            {
                Loaded = await LoadAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;   // superseded by a newer event id, or the visitor left
            }
        }
        Show(Loaded);
        if (RendererInfo.IsInteractive && Loaded.Listings is not null) _watch = Availability.Watch(Id, OnAvailabilityAsync);
    }

    private Task OnAvailabilityAsync(EventAvailability availability) => InvokeAsync(() =>
    {
        _offers = OfferRow.From(TicketInventoryService.WithoutOwnListings(availability.Listings, _ownListings));
        StateHasChanged();
    });

    private async Task<EventPageState> LoadAsync(CancellationToken ct)
    {
        var ev = await Events.FindAsync(Id, ct);
        if (ev is null) return new EventPageState(Id, null, null, null, Viewer.Anonymous, 0);
        var (viewer, allowance, buyerId) = await LoadViewerAsync(ct);
        var listings = await Inventory.EventListingsAsync(Id, ct);
        // The buyer's own listings are kept apart, so that pushed availability leaves them out too. Looked up only when
        // anything is on resale (as EventListingsForBuyerAsync does), so a second view reads no catalogue.
        string[] own = buyerId is null || listings.Value?.Resale.Count is not > 0 ? [] : [.. await Inventory.OwnListingIdsAsync(Id, buyerId, ct)];
        return new EventPageState(Id, ev, listings.Value, listings.IsSuccess ? null : ErrorText.For(listings.Error), viewer, allowance,
            own, await Rooms.NoticeAsync(Id, ct));
    }

    private void Show(EventPageState state)
    {
        (_event, _viewer, _allowance, _error) = (state.Event, state.Viewer, state.Allowance, state.Error);
        _started = _event is not null && _event.StartTime <= Clock.GetUtcNow().UtcDateTime;
        (_ownListings, _room) = (state.OwnListings?.ToHashSet() ?? [], state.Room);
        if (state.Listings is { } listings)
            (_currency, _offers) = (listings.Currency, OfferRow.From(TicketInventoryService.WithoutOwnListings(listings, _ownListings)));
        _loaded = true;
    }

    /// <summary>Who is looking, how many more they may buy, and their id when they are a buyer.</summary>
    private async Task<(Viewer Viewer, int Allowance, string? BuyerId)> LoadViewerAsync(CancellationToken ct)
    {
        var user = await CurrentUser.GetAsync(AuthState);
        if (user.IsIndividual()) return (Viewer.Individual, await Holdings.AllowanceAsync(user.GetUserId(), Id, ct), user.GetUserId());
        return user.Identity?.IsAuthenticated == true ? (Viewer.Vendor, 0, null) : (Viewer.Anonymous, PurchaseCounter.MaxPerEvent, null);
    }

    /// <summary>
    /// The most the quantity selector offers: never more than the offer has, nor more than the buyer may still buy.
    /// </summary>
    public static int MaxQuantity(int available, int allowance) => Math.Max(0, Math.Min(available, allowance));

    public static string AllowanceText(int allowance) => allowance switch
    {
        0 => $"You have already bought the most tickets allowed for this event ({PurchaseCounter.MaxPerEvent}).",
        1 => "You can buy 1 more ticket for this event.",
        _ => $"You can buy {allowance} more tickets for this event.",
    };

    private int Quantity(OfferRow offer) =>
        Math.Clamp(_quantities.GetValueOrDefault(offer.Key, 1), 1, Math.Max(1, MaxQuantity(offer.Available, _allowance)));

    private void SetQuantity(OfferRow offer, int quantity) => _quantities[offer.Key] = quantity;

    private string CheckoutHref(OfferRow offer, int quantity) =>
        Nav.GetUriWithQueryParameters("/checkout", new Dictionary<string, object?>
        {
            ["ticket"] = offer.TicketId,
            ["count"] = quantity,
            ["listing"] = offer.ListingId,
        });

    public void Dispose()
    {
        _watch?.Dispose();
        _cts.Cancel();
        _cts.Dispose();
    }

    /// <summary>
    /// One event as one viewer sees it: the event (null when there is none), what is on sale, their allowance, their own
    /// resale listings (never offered to them) and the on-sale's waiting room, if any.
    /// </summary>
    public sealed record EventPageState(
        string EventId, EventSummary? Event, EventListings? Listings, string? Error, Viewer Viewer, int Allowance,
        string[]? OwnListings = null, QueueProgress? Room = null);

    public enum Viewer
    {
        Anonymous,
        Individual,
        /// <summary>Signed in, but not as a buyer (vendors).</summary>
        Vendor,
    }

    /// <summary>A vendor lot or a resale listing, as one row of the ticket list.</summary>
    private sealed record OfferRow(string Key, string TicketId, string? ListingId, string? Section, string Seat, decimal Price, int Available)
    {
        public static IReadOnlyList<OfferRow> From(EventListings listings) =>
        [
            .. listings.Primary.Select(l => new OfferRow($"lot-{l.TicketId}", l.TicketId, null, l.Section, l.Seat, l.Price, l.Available)),
            .. listings.Resale.Select(r => new OfferRow($"listing-{r.ListingId}", r.TicketId, r.ListingId, r.Section, r.Seat, r.Price, r.Count)),
        ];
    }
}
