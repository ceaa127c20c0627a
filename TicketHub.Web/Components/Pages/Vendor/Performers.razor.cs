using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using TicketHub.Domain.Common;
using TicketHub.Domain.Performers;
using TicketHub.Web.Components.Shared;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Components.Pages.Vendor;

// Pages/Error.razor would otherwise shadow the domain's Error inside this namespace.
using Error = TicketHub.Domain.Common.Error;

public partial class Performers : IDisposable
{
    private const int PageSize = 20;

    private readonly CancellationTokenSource _cts = new();
    private PerformerForm _form = new();
    private Page<PerformerDto>? _page;
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
        _page = await PerformerService.SearchAsync(Search, page.Value ?? new PageRequest(1, PageSize), _cts.Token);
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
            var result = await PerformerService.AddAsync(user.GetUserId(), new AddPerformerCommand(_form.Name, _form.Description), _cts.Token);
            _error = result.Error;
            if (!result.IsSuccess) return;

            Snackbar.Add($"Performer “{_form.Name?.Trim()}” added.", Severity.Success);
            _form = new PerformerForm();
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private bool Invalid(string field) => _error?.Fields?.ContainsKey(field) == true;

    private string? Problem(string field) => _error?.Fields?.GetValueOrDefault(field) is { } messages ? string.Join(" ", messages) : null;

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }

    private sealed class PerformerForm
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
    }
}
