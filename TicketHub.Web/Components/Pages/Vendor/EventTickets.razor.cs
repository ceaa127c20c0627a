using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Vendors;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

// Pages/Error.razor would otherwise shadow the domain's Error inside this namespace.
using Error = TicketHub.Domain.Common.Error;

public partial class EventTickets : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _loaded;
    private string _vendorId = "";
    private EventSummary? _event;
    private IReadOnlyList<LotSales> _lots = [];
    private IReadOnlyList<string> _lotLabels = [];
    private List<ChartSeries<double>> _lotSeries = [];
    private List<ChartSeries<double>> _resaleSeries = [];
    private LotForm _upload = new();
    private BlockForm _block = new();
    private PerformerDto? _performerPick;
    private LotSales? _removing;
    private int? _removeCount;
    private bool _removeOpen;
    private bool _busy;
    private Error? _uploadError;
    private Error? _blockError;
    private Error? _performerError;
    private Error? _removeError;

    [Parameter] public string Id { get; set; } = "";

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _loaded = false;
        _vendorId = (await CurrentUser.GetAsync(AuthState)).GetUserId();
        var found = await EventService.FindForVendorAsync(_vendorId, Id, _cts.Token);
        _event = found.IsSuccess ? found.Value : null;   // someone else's event reads as not available
        if (_event is not null)
        {
            _breadcrumbs = [new("Your events", "/vendor/events"), new(_event.Name, href: null, disabled: true)];
            await LoadLotsAsync();
        }
        _loaded = true;
    }

    private async Task LoadLotsAsync()
    {
        var sales = await Sales.EventSalesAsync(_vendorId, Id, _cts.Token);
        _lots = sales.IsSuccess ? sales.Value.Lots : [];
        _lotLabels = _lots.Select(l => l.Section is null ? l.Seat : $"{l.Section} {l.Seat}").ToList();
        _lotSeries =
        [
            Series("Sold", l => l.Sold), Series("Being paid for", l => l.Pending), Series("Remaining", l => l.Remaining),
            Series("Removed", l => l.Removed),
        ];
        _resaleSeries = [Series("On resale now", l => l.OnResale), Series("Resold", l => l.Resold)];
    }

    private ChartSeries<double> Series(string name, Func<LotSales, int> value) =>
        new() { Name = name, Data = _lots.Select(l => (double)value(l)).ToArray() };

    private async Task UploadAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Inventory.UploadAsync(_vendorId,
                new UploadTicketCommand(Id, _upload.Count, _upload.Section, _upload.Seat, _upload.Price), _cts.Token);
            _uploadError = result.Error;
            if (!result.IsSuccess) return;
            Snackbar.Add($"Uploaded {_upload.Count:N0} ticket{(_upload.Count == 1 ? "" : "s")} for seat {_upload.Seat?.Trim()}.", Severity.Success);
            _upload = new LotForm { Section = _upload.Section, Price = _upload.Price };
            await LoadLotsAsync();
        });
    }

    private async Task UploadBlockAsync()
    {
        await RunAsync(async () =>
        {
            var result = await Inventory.UploadSeatBlockAsync(_vendorId,
                new UploadSeatBlockCommand(Id, _block.Section, _block.Row, _block.FirstSeat, _block.LastSeat, _block.Price), _cts.Token);
            _blockError = result.Error;
            if (!result.IsSuccess) return;
            Snackbar.Add($"Uploaded {result.Value.Count:N0} seat{(result.Value.Count == 1 ? "" : "s")} in row {_block.Row?.Trim()}.", Severity.Success);
            _block = new BlockForm { Section = _block.Section, Price = _block.Price };
            await LoadLotsAsync();
        });
    }

    private async Task AddPerformerAsync()
    {
        if (_performerPick is not { } performer) return;
        await RunAsync(async () =>
        {
            var result = await EventService.AddPerformerAsync(_vendorId, Id, performer.Id, _cts.Token);
            _performerError = result.Error;
            if (!result.IsSuccess) return;
            Snackbar.Add($"{performer.Name} added to the line-up.", Severity.Success);
            _performerPick = null;
            _event = await EventService.FindAsync(Id, _cts.Token) ?? _event;
        });
    }

    private async Task<IEnumerable<PerformerDto>> SearchPerformers(string? text, CancellationToken ct)
    {
        var page = await PerformerService.SearchAsync(text, new PageRequest(1, 20), ct);
        return page.Items.Where(p => _event?.Performers.All(existing => existing.Id != p.Id) ?? true);
    }

    private void AskRemove(LotSales lot)
    {
        _removing = lot;
        _removeCount = null;
        _removeError = null;
        _removeOpen = true;
    }

    private void CloseRemove()
    {
        _removeOpen = false;
        _removing = null;
    }

    private async Task RemoveAsync()
    {
        if (_removing is not { } lot) return;
        await RunAsync(async () =>
        {
            var result = await Inventory.RemoveAsync(_vendorId, lot.LotId, _removeCount, _cts.Token);
            _removeError = result.Error;
            if (!result.IsSuccess) return;
            Snackbar.Add($"Removed {result.Value.Removed:N0} unsold ticket{(result.Value.Removed == 1 ? "" : "s")} of seat {lot.Seat}; {result.Value.Remaining:N0} left.", Severity.Success);
            CloseRemove();
            await LoadLotsAsync();
        });
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        finally
        {
            _busy = false;
        }
    }

    private DateTime Local(DateTime utc) => VenueTime.ToLocal(utc, _event?.Venue.TimeZone);

    private static string Span(DateTime start, DateTime end) =>
        $"{start:ddd d MMM yyyy, HH:mm} – {end.ToString(end.Date == start.Date ? "HH:mm" : "ddd d MMM yyyy, HH:mm")}";

    private static bool Invalid(Error? error, string field) => error?.Fields?.ContainsKey(field) == true;

    private static string? Problem(Error? error, string field) =>
        error?.Fields?.GetValueOrDefault(field) is { } messages ? string.Join(" ", messages) : null;

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed class LotForm
    {
        public string? Section { get; set; }
        public string? Seat { get; set; }
        public int? Count { get; set; } = 1;
        public decimal? Price { get; set; }
    }

    private sealed class BlockForm
    {
        public string? Section { get; set; }
        public string? Row { get; set; }
        public int? FirstSeat { get; set; }
        public int? LastSeat { get; set; }
        public decimal? Price { get; set; }
    }
}
