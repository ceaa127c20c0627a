using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TicketHub.Domain.Common;
using TicketHub.Domain.Venues;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

// Pages/Error.razor would otherwise shadow the domain's Error inside this namespace.
using Error = TicketHub.Domain.Common.Error;

public partial class Venues : IDisposable
{
    private const int PageSize = 20;

    private static readonly IReadOnlyList<string> TimeZones = IanaTimeZones();

    private readonly CancellationTokenSource _cts = new();
    private VenueForm _form = new();
    private Page<VenueDto>? _page;
    private Error? _error;
    private string? _search;
    private bool _busy;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }

    // A string, so a hand-edited ?page=abc shows page 1 instead of failing to bind.
    [SupplyParameterFromQuery(Name = "page")] private string? PageNumber { get; set; }

    private int CurrentPage => int.TryParse(PageNumber, out var page) && page >= 1 ? page : 1;

    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    protected override async Task OnParametersSetAsync()
    {
        _search = Search;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var page = PageRequest.Create(CurrentPage, PageSize);
        _page = (await VenueService.SearchAsync(new VenueQuery(Name: Search), page.Value ?? new PageRequest(1, PageSize), _cts.Token)).Value
                ?? Page<VenueDto>.Empty;
    }

    private void ApplySearch() =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim(),
            ["page"] = null,
        }));

    private void GoToPage(int page) => Nav.NavigateTo(Nav.GetUriWithQueryParameter("page", page == 1 ? null : page));

    private async Task AddAsync()
    {
        _busy = true;
        try
        {
            var user = await CurrentUser.GetAsync(AuthState);
            var result = await VenueService.AddAsync(user.GetUserId(), new AddVenueCommand(
                _form.Name, _form.StreetAddress, _form.City, _form.State, _form.Country, _form.PostalCode, _form.AddlAddress,
                _form.TimeZone), _cts.Token);
            _error = result.Error;
            if (!result.IsSuccess) return;

            Snackbar.Add($"Venue “{_form.Name?.Trim()}” added.", Severity.Success);
            _form = new VenueForm();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<IEnumerable<string>> SearchTimeZones(string? text, CancellationToken ct) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? TimeZones
            : TimeZones.Where(z => z.Contains(text.Trim().Replace(' ', '_'), StringComparison.OrdinalIgnoreCase)));

    private bool Invalid(string field) => _error?.Fields?.ContainsKey(field) == true;

    private string? Problem(string field) => _error?.Fields?.GetValueOrDefault(field) is { } messages ? string.Join(" ", messages) : null;

    private static string Address(VenueDto v) =>
        string.Join(", ", new[] { v.StreetAddress, v.AddlAddress, v.City, v.State, v.PostalCode, v.Country }.Where(s => !string.IsNullOrWhiteSpace(s)));

    // Windows hosts list their own zone ids; the domain stores IANA ids, so convert where the host can.
    private static IReadOnlyList<string> IanaTimeZones() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.HasIanaId ? z.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : null)
            .OfType<string>()
            .Append("UTC")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed class VenueForm
    {
        public string? Name { get; set; }
        public string? StreetAddress { get; set; }
        public string? AddlAddress { get; set; }
        public string? City { get; set; }
        public string? State { get; set; }
        public string? PostalCode { get; set; }
        public string? Country { get; set; }
        public string? TimeZone { get; set; } = "UTC";
    }
}
