using System.Globalization;
using Microsoft.AspNetCore.Components;
using TicketHub.Domain.Common;
using TicketHub.Domain.Events;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Venues;

namespace TicketHub.Web.Components.Pages.Events;

/// <summary>
/// Browsing with every filter in the query string (city, country, venue, performer, from, to, q, page): the address
/// alone reproduces the search, and changing a filter changes the address, which re-supplies the parameters.
/// </summary>
public partial class EventList : IDisposable
{
    public const int PageSize = 12;
    public const string DateFormat = "yyyy-MM-dd";
    private const string CityKey = "city", CountryKey = "country", VenueKey = "venue", PerformerKey = "performer";
    private const string FromKey = "from", ToKey = "to", SearchKey = "q", PageKey = "page";

    private CancellationTokenSource _cts = new();
    private IReadOnlyList<string>? _countries;
    private IReadOnlyList<string>? _cities;
    private string? _citiesFor;
    private bool _citiesLoaded;
    private Page<EventSummary>? _results;
    private bool _loading;
    private string? _searchText;
    private string? _venueName, _venueNameFor;
    private string? _performerName, _performerNameFor;

    [Inject] private EventService Events { get; set; } = null!;
    [Inject] private VenueService Venues { get; set; } = null!;
    [Inject] private PerformerService Performers { get; set; } = null!;
    [Inject] private NavigationManager Nav { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery(Name = CityKey)] public string? City { get; set; }
    [SupplyParameterFromQuery(Name = CountryKey)] public string? Country { get; set; }
    [SupplyParameterFromQuery(Name = VenueKey)] public string? Venue { get; set; }
    [SupplyParameterFromQuery(Name = PerformerKey)] public string? Performer { get; set; }
    [SupplyParameterFromQuery(Name = FromKey)] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = ToKey)] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = SearchKey)] public string? Q { get; set; }

    // A string, not int?, so a hand-edited "?page=abc" shows page 1 instead of failing the render.
    [SupplyParameterFromQuery(Name = PageKey)] public string? PageText { get; set; }

    private DateOnly? FromDate => ParseDate(From);
    private DateOnly? ToDate => ParseDate(To);
    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
    private DateTime? FromPickerDate => (FromDate ?? Today).ToDateTime(TimeOnly.MinValue);
    private DateTime? ToPickerDate => ToDate?.ToDateTime(TimeOnly.MinValue);
    private int CurrentPage => int.TryParse(PageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : 1;
    private int PageCount => _results is null ? 0 : (_results.TotalCount + PageSize - 1) / PageSize;

    private bool HasFilters => !string.IsNullOrWhiteSpace(City) || !string.IsNullOrWhiteSpace(Country) || !string.IsNullOrWhiteSpace(Venue)
                               || !string.IsNullOrWhiteSpace(Performer) || FromDate is not null || ToDate is not null || !string.IsNullOrWhiteSpace(Q);

    private string Title => (City, Country, _performerName, _venueName) switch
    {
        ({ Length: > 0 } city, _, _, _) => $"Events in {city}",
        (_, { Length: > 0 } country, _, _) => $"Events in {country}",
        (_, _, { } performer, _) => $"Events with {performer}",
        (_, _, _, { } venue) => $"Events at {venue}",
        _ => "Browse events",
    };

    /// <summary>What the prerender loaded, shown again by the interactive render instead of loading it twice.</summary>
    [PersistentState] public EventListState? Loaded { get; set; }

    /// <summary>One search as the page shows it, for the address's filters (<see cref="Search"/>).</summary>
    public sealed record EventListState(
        string Search, IReadOnlyList<string>? Countries, IReadOnlyList<string>? Cities, string? VenueName, string? PerformerName,
        Page<EventSummary> Results);

    // The filters as the address gives them: a loaded state answers this search only.
    private string Search => string.Join('|', City, Country, Venue, Performer, From, To, Q, PageText);

    protected override async Task OnInitializedAsync()
    {
        if (Loaded is not null) return;
        try
        {
            _countries = await Events.CountriesAsync(_cts.Token);
        }
        catch (OperationCanceledException) when (_cts.IsCancellationRequested)
        {
            // The visitor left before the page finished loading.
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        // A newer address supersedes a search still running for the previous one.
        await _cts.CancelAsync();
        _cts.Dispose();
        _cts = new CancellationTokenSource();
        var ct = _cts.Token;

        _searchText = Q;
        if (Loaded is { } loaded && loaded.Search == Search)
        {
            (_countries, _cities, _citiesFor, _citiesLoaded) = (loaded.Countries, loaded.Cities, Country, true);
            (_venueName, _venueNameFor, _performerName, _performerNameFor) = (loaded.VenueName, Venue, loaded.PerformerName, Performer);
            (_results, _loading) = (loaded.Results, false);
            return;
        }
        _loading = true;
        try
        {
            if (!_citiesLoaded || _citiesFor != Country)
            {
                _cities = await Events.CitiesInAsync(Country, ct);
                (_citiesFor, _citiesLoaded) = (Country, true);
            }
            if (_venueNameFor != Venue)
            {
                _venueName = string.IsNullOrWhiteSpace(Venue) ? null : (await Venues.FindAsync(Venue, ct))?.Name ?? "unknown venue";
                _venueNameFor = Venue;
            }
            if (_performerNameFor != Performer)
            {
                _performerName = string.IsNullOrWhiteSpace(Performer) ? null : (await Performers.FindAsync(Performer, ct))?.Name ?? "unknown performer";
                _performerNameFor = Performer;
            }
            // A filter too long for any venue (a hand-made address) finds nothing.
            _results = (await Events.SearchAsync(BuildQuery(), new PageRequest(CurrentPage, PageSize), ct)).Value ?? Page<EventSummary>.Empty;
            _loading = false;
            Loaded = new EventListState(Search, _countries, _cities, _venueName, _performerName, _results);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Superseded or left; the newer load owns the loading flag.
        }
    }

    /// <summary>
    /// Translates the address into the domain's query. The dates are days at each event's venue; without a start date
    /// the list shows upcoming events, so past events stay hidden.
    /// </summary>
    private EventQuery BuildQuery() => new(
        VenueId: Blank(Venue),
        PerformerId: Blank(Performer),
        Upcoming: FromDate is null,
        City: Blank(City),
        Country: Blank(Country),
        Text: Blank(Q),
        FromDay: FromDate,
        ToDay: ToDate);

    private Task SearchAsync() => NavigateAsync((SearchKey, Blank(_searchText)));

    private Task CountryChangedAsync(string? country) => NavigateAsync((CountryKey, Blank(country)), (CityKey, null));

    private Task CityChangedAsync(string? city) => NavigateAsync((CityKey, Blank(city)));

    private Task FromChangedAsync(DateTime? date) => NavigateAsync((FromKey, FormatDate(date)));

    private Task ToChangedAsync(DateTime? date) => NavigateAsync((ToKey, FormatDate(date)));

    private Task GoToPageAsync(int page)
    {
        Nav.NavigateTo(Nav.GetUriWithQueryParameter(PageKey, page <= 1 ? null : page));
        return Task.CompletedTask;
    }

    /// <summary>Changes filters in the address; any filter change starts again from the first page.</summary>
    private Task NavigateAsync(params (string Key, string? Value)[] changes)
    {
        var parameters = new Dictionary<string, object?> { [PageKey] = null };
        foreach (var (key, value) in changes) parameters[key] = value;
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(parameters));
        return Task.CompletedTask;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? FormatDate(DateTime? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
