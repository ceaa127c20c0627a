using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Vendors;
using TicketHub.Domain.Venues;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

// Pages/Error.razor would otherwise shadow the domain's Error inside this namespace.
using Error = TicketHub.Domain.Common.Error;

public partial class Events : IDisposable
{
    private static readonly string[] Currencies =
        ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY", "MXN", "BRL", "INR", "SGD", "HKD", "ZAR"];

    private readonly CancellationTokenSource _cts = new();
    private readonly EventForm _form = new();
    private VendorDashboard? _dashboard;
    private PerformerDto? _performerPick;
    private Error? _error;
    private bool _busy;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var user = await CurrentUser.GetAsync(AuthState);
        _dashboard = await DashboardService.DashboardAsync(user.GetUserId(), _cts.Token);
    }

    private async Task CreateAsync()
    {
        _busy = true;
        try
        {
            var user = await CurrentUser.GetAsync(AuthState);
            var zone = _form.Venue?.TimeZone;
            var result = await EventService.AddAsync(user.GetUserId(), new AddEventCommand(
                _form.Venue?.Id, _form.Name, _form.Description,
                VenueTime.ToUtc(_form.StartDate, _form.StartTime, zone), VenueTime.ToUtc(_form.EndDate, _form.EndTime, zone),
                _form.Currency, _form.Performers.Select(p => p.Id).ToList()), _cts.Token);
            _error = result.Error;
            if (result.IsSuccess) Nav.NavigateTo($"/vendor/events/{result.Value}");
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<IEnumerable<VenueDto>> SearchVenues(string? text, CancellationToken ct)
    {
        var page = await VenueService.SearchAsync(new VenueQuery(Name: text), new PageRequest(1, 20), ct);
        return page.Value?.Items ?? [];
    }

    private async Task<IEnumerable<PerformerDto>> SearchPerformers(string? text, CancellationToken ct)
    {
        var page = await PerformerService.SearchAsync(text, new PageRequest(1, 20), ct);
        return page.Items.Where(p => _form.Performers.All(chosen => chosen.Id != p.Id));
    }

    private void AddPerformer(PerformerDto? performer)
    {
        if (performer is not null && _form.Performers.All(p => p.Id != performer.Id)) _form.Performers.Add(performer);
        _performerPick = null;
    }

    private string TimeHint()
    {
        var zone = _form.Venue?.TimeZone ?? "UTC";
        var start = VenueTime.ToUtc(_form.StartDate, _form.StartTime, zone);
        return start is null
            ? $"Times are in the venue's time zone ({zone})."
            : $"Starts {_form.StartDate:ddd d MMM yyyy} {_form.StartTime:hh\\:mm} {zone} = {start.Value.UtcDateTime:ddd d MMM yyyy, HH:mm} UTC.";
    }

    private static string VenueLabel(VenueDto? venue) => venue is null ? "" : $"{venue.Name} ({venue.City})";

    private static (string Text, Color Color) SalesStatus(VendorEventStats e) => e switch
    {
        { Remaining: > 0, Started: false } => ("On sale", Color.Success),
        { Remaining: > 0 } => ("Unsold left", Color.Default),
        { Sold: > 0 } => ("Sold out", Color.Error),
        _ => ("No tickets", Color.Warning),
    };

    private bool Invalid(string field) => _error?.Fields?.ContainsKey(field) == true;

    private string? Problem(string field) => _error?.Fields?.GetValueOrDefault(field) is { } messages ? string.Join(" ", messages) : null;

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed class EventForm
    {
        public VenueDto? Venue { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public DateTime? StartDate { get; set; }
        public TimeSpan? StartTime { get; set; }
        public DateTime? EndDate { get; set; }
        public TimeSpan? EndTime { get; set; }
        public string Currency { get; set; } = Money.DefaultCurrency;
        public List<PerformerDto> Performers { get; } = [];
    }
}
