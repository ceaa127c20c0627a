using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages;
using TicketHub.Web.Components.Pages.Events;

namespace TicketHub.Tests.Components;

public sealed class BrowseTests : ComponentTest
{
    // Generous, because the first query of a fresh database compiles EF models while other suites run in parallel.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task The_quantity_selector_offers_neither_more_than_the_lot_has_nor_more_than_the_buyer_may_still_buy()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var venue = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        var eventId = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD");
        var floor = await Data.LotAsync(vendor, eventId, 20, 35m, "Floor");
        var balcony = await Data.LotAsync(vendor, eventId, 2, 50m, "Balcony");
        var buyer = await SignInAsync("buyer", UserType.Individual);
        var bought = await Service<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(floor, 7), Ct);
        Assert.True(bought.IsSuccess, bought.Error?.Message);

        var cut = Render<EventDetails>(p => p.Add(x => x.Id, eventId));

        cut.WaitForAssertion(() => Assert.Contains("You can buy 3 more tickets for this event", cut.Find("#allowance").TextContent), Patience);
        // Floor has 13 left but the buyer may buy only 3 more; Balcony has only 2.
        Assert.Equal(3, QuantityField(cut, $"lot-{floor}").Instance.Max);
        Assert.Equal(2, QuantityField(cut, $"lot-{balcony}").Instance.Max);
        Assert.All(cut.FindComponents<MudNumericField<int>>(), f => Assert.True(f.Instance.Max <= 3));

        Assert.Equal("13", cut.Find($"#offer-lot-{floor}").GetAttribute("data-available"));

        // Typing past the bound is pulled back to it; the checkout link and total follow the quantity.
        cut.Find($"#qty-lot-{floor}").Change("9");
        cut.WaitForAssertion(() => Assert.Equal($"/checkout?ticket={floor}&count=3", cut.Find($"#buy-lot-{floor}").GetAttribute("href")), Patience);
        Assert.Contains("105.00 USD", cut.Find($"#total-lot-{floor}").TextContent);
    }

    [Fact]
    public async Task A_buyer_at_the_cap_is_offered_nothing_and_a_sold_out_lot_is_shown_but_not_buyable()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var venue = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        var eventId = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD");
        var floor = await Data.LotAsync(vendor, eventId, 10, 35m, "Floor");
        var buyer = await SignInAsync("buyer", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(buyer.UserId, new BuyCommand(floor, 10), Ct)).IsSuccess);

        var cut = Render<EventDetails>(p => p.Add(x => x.Id, eventId));

        cut.WaitForAssertion(() => Assert.Contains("Sold out", cut.Find($"#offer-lot-{floor}").TextContent), Patience);
        Assert.Contains("already bought the most tickets allowed", cut.Find("#allowance").TextContent);
        Assert.Empty(cut.FindComponents<MudNumericField<int>>());
        Assert.Empty(cut.FindAll($"#buy-lot-{floor}"));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_log_in_without_choosing_a_quantity_and_vendors_cannot_buy()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var venue = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        var eventId = await Data.EventAsync(vendor, venue, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD");
        var floor = await Data.LotAsync(vendor, eventId, 30, 35m, "Floor");

        var anonymous = Render<EventDetails>(p => p.Add(x => x.Id, eventId));
        anonymous.WaitForAssertion(() => Assert.Equal(
            $"/account/login?returnUrl=%2Fevents%2F{eventId}", anonymous.Find($"#buy-lot-{floor}").GetAttribute("href")), Patience);
        // The quantity is chosen after signing in: the sign-in page brings the visitor back to the event, not to a choice.
        Assert.Empty(anonymous.FindComponents<MudNumericField<int>>());
        Assert.Empty(anonymous.FindAll($"#total-lot-{floor}"));

        await SignInAsync("vendor2", UserType.Vendor);
        var asVendor = Render<EventDetails>(p => p.Add(x => x.Id, eventId));
        asVendor.WaitForAssertion(() => Assert.Contains("Vendor accounts cannot buy", asVendor.Find("#vendor-note").TextContent), Patience);
        Assert.True(asVendor.Find($"#buy-lot-{floor}").HasAttribute("disabled"));
    }

    [Fact]
    public void An_unknown_event_shows_a_friendly_empty_state()
    {
        var cut = Render<EventDetails>(p => p.Add(x => x.Id, "no-such-event"));

        cut.WaitForAssertion(() => Assert.Contains("could not find this event", cut.Find("#event-not-found").TextContent), Patience);
        Assert.Equal("/events", cut.Find("a[href='/events']").GetAttribute("href"));
    }

    [Fact]
    public async Task The_address_alone_reproduces_a_search_and_changing_a_filter_changes_the_address()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var austin = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        var berlin = await Data.VenueAsync(vendor, "Spreehalle", "Berlin", "Germany", "Europe/Berlin");
        await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD");
        await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(40), "Rock Evening", "USD");
        await Data.EventAsync(vendor, berlin, DateTimeOffset.UtcNow.AddDays(10), "Techno Marathon", "USD");
        Nav.NavigateTo("/events?city=Austin");

        var cut = Render<EventList>();

        cut.WaitForAssertion(() => Assert.Equal(["Jazz Night", "Rock Evening"], EventNames(cut)), Patience);
        Assert.Contains("Events in Austin", cut.Markup);

        cut.Find("#event-search").Input("jazz");
        cut.WaitForAssertion(() => Assert.Equal("jazz", cut.FindComponent<MudTextField<string>>().Instance.GetState(x => x.Value)), Patience);
        cut.Find("#event-search-form").Submit();

        Assert.Contains("city=Austin", Nav.Uri);
        Assert.Contains("q=jazz", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["Jazz Night"], EventNames(cut)), Patience);

        await cut.InvokeAsync(() => cut.FindComponents<MudSelect<string>>()
            .Single(s => s.Instance.Label == "Country").Instance.ValueChanged.InvokeAsync("Germany"));

        Assert.Contains("country=Germany", Nav.Uri);
        Assert.DoesNotContain("city=", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Contains("No events match", cut.Find("#no-events").TextContent), Patience);
    }

    [Fact]
    public async Task A_date_range_in_the_address_limits_the_results()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var austin = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD");
        await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(40), "Rock Evening", "USD");
        var to = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        Nav.NavigateTo($"/events?to={to}");

        var cut = Render<EventList>();

        cut.WaitForAssertion(() => Assert.Equal(["Jazz Night"], EventNames(cut)), Patience);

        var from = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        Nav.NavigateTo($"/events?from={from}");
        cut.WaitForAssertion(() => Assert.Equal(["Rock Evening"], EventNames(cut)), Patience);
    }

    [Fact]
    public async Task Results_are_paged_twelve_at_a_time()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var austin = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        for (var i = 1; i <= 14; i++) await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(i), $"Show {i:00}", "USD");
        Nav.NavigateTo("/events");

        var cut = Render<EventList>();

        cut.WaitForAssertion(() => Assert.Equal(12, EventNames(cut).Count), Patience);
        Assert.Contains("14 events · page 1 of 2", cut.Find("#result-count").TextContent);

        await cut.InvokeAsync(() => cut.FindComponent<MudPagination>().Instance.SelectedChanged.InvokeAsync(2));

        Assert.Contains("page=2", Nav.Uri);
        cut.WaitForAssertion(() => Assert.Equal(["Show 13", "Show 14"], EventNames(cut)), Patience);
    }

    [Fact]
    public async Task The_home_page_lists_upcoming_events_cities_and_performers()
    {
        var vendor = (await Data.AccountAsync("vendor1", UserType.Vendor)).UserId;
        var austin = await Data.VenueAsync(vendor, "Riverside Arena", "Austin", "United States", "America/Chicago");
        var performer = await Service<PerformerService>().AddAsync(vendor, new("The Quartet", "Smooth jazz"), Ct);
        Assert.True(performer.IsSuccess, performer.Error?.Message);
        await Data.EventAsync(vendor, austin, DateTimeOffset.UtcNow.AddDays(10), "Jazz Night", "USD", null, performer.Value);

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Equal(["Jazz Night"], EventNames(cut)), Patience);
        Assert.NotNull(cut.Find("a[href='/events?city=Austin&country=United%20States']"));
        Assert.NotNull(cut.Find($"a[href='/performers/{performer.Value}']"));

        cut.Find("#home-search").Input("quartet");
        cut.WaitForAssertion(() => Assert.Equal("quartet", cut.FindComponent<MudTextField<string>>().Instance.GetState(x => x.Value)), Patience);
        cut.Find("form[role=search]").Submit();
        Assert.EndsWith("/events?q=quartet", Nav.Uri);
    }

    private static IRenderedComponent<MudNumericField<int>> QuantityField(IRenderedComponent<EventDetails> cut, string offerKey) =>
        cut.FindComponents<MudNumericField<int>>().Single(f => Equals(f.Instance.UserAttributes.GetValueOrDefault("id"), $"qty-{offerKey}"));

    private static List<string> EventNames<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("[data-event-id] h2, [data-event-id] h3").Select(h => h.TextContent.Trim()).ToList();
}
