using Bunit;
using MudBlazor;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Vendor;

namespace TicketHub.Tests.Components;

/// <summary>The vendor's ticket page: its forms pass input to the inventory service and show what the domain answers.</summary>
public sealed class VendorTicketsTests : ComponentTest
{
    // The first render of a test process compiles the page's EF queries, which takes seconds on a small CI machine.
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(15);

    private async Task<(string VendorId, IRenderedComponent<EventTickets> Page)> EventPageAsync()
    {
        var vendor = await SignInAsync("vendy", UserType.Vendor);
        var venue = await Data.VenueAsync(vendor.UserId, "Moody Hall", "Austin", "US", "America/Chicago");
        var eventId = await Data.EventAsync(vendor.UserId, venue, DateTimeOffset.UtcNow.AddDays(30), "Spring Tour", "USD");

        Render<MudPopoverProvider>();
        var page = Render<EventTickets>(p => p.Add(x => x.Id, eventId));
        page.WaitForElement("#upload-form", Slow);
        return (vendor.UserId, page);
    }

    private Task<IReadOnlyList<VendorLot>> LotsAsync(string vendorId) => Service<TicketInventoryService>().VendorLotsAsync(vendorId, ct: Ct);

    [Fact]
    public async Task An_upload_with_no_tickets_and_a_negative_price_shows_both_errors_and_uploads_nothing()
    {
        var (vendorId, page) = await EventPageAsync();

        page.Find("#upload-seat").Change("12");
        page.Find("#upload-count").Change("0");
        page.Find("#upload-price").Change("-5");
        page.Find("#upload-form").Submit();

        page.WaitForAssertion(() => Assert.Contains("count must be between 1 and", page.Find("#upload-lot").TextContent), Slow);
        Assert.Contains("price is required and must be 0 or more", page.Find("#upload-lot").TextContent);
        Assert.NotNull(page.Find("#upload-error"));
        Assert.Empty(await LotsAsync(vendorId));
        Assert.NotNull(page.Find("#lots-empty"));
    }

    [Fact]
    public async Task A_valid_upload_appears_in_the_lots_table()
    {
        var (vendorId, page) = await EventPageAsync();

        page.Find("#upload-section").Change("A");
        page.Find("#upload-seat").Change("12");
        page.Find("#upload-count").Change("4");
        page.Find("#upload-price").Change("25.50");
        page.Find("#upload-form").Submit();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("#lots-table tbody tr")), Slow);
        var row = page.Find("#lots-table tbody tr").TextContent;
        Assert.Contains("A", row);
        Assert.Contains("12", row);
        Assert.Contains("4", row);
        Assert.Contains("25.50 USD", row);
        Assert.Empty(page.FindAll("#upload-error"));
        var lot = Assert.Single(await LotsAsync(vendorId));
        Assert.Equal((4, 4, 25.50m), (lot.Count, lot.Remaining, lot.Price));
    }

    [Fact]
    public async Task A_block_of_seats_becomes_one_lot_per_seat()
    {
        var (vendorId, page) = await EventPageAsync();

        page.Find("#block-section").Change("Floor");
        page.Find("#block-row").Change("B");
        page.Find("#block-from").Change("3");
        page.Find("#block-to").Change("7");
        page.Find("#block-price").Change("40");
        page.Find("#block-form").Submit();

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("#lots-table tbody tr").Count), Slow);
        var lots = await LotsAsync(vendorId);
        Assert.Equal(["B3", "B4", "B5", "B6", "B7"], lots.Select(l => l.Seat).Order(StringComparer.Ordinal));
        Assert.All(lots, l => Assert.Equal((1, "Floor", 40m), (l.Count, l.Section, l.Price)));
        foreach (var seat in new[] { "B3", "B7" }) Assert.Contains(seat, page.Find("#lots-table").TextContent);
    }

    [Fact]
    public async Task Removing_some_unsold_tickets_asks_first_and_keeps_the_rest()
    {
        var dialogs = Render<MudDialogProvider>();
        var (vendorId, page) = await EventPageAsync();
        page.Find("#upload-seat").Change("Standing");
        page.Find("#upload-count").Change("10");
        page.Find("#upload-price").Change("20");
        page.Find("#upload-form").Submit();
        page.WaitForElement("#lots-table", Slow);
        var lotId = Assert.Single(await LotsAsync(vendorId)).TicketId;

        page.Find($"#remove-{lotId}").Click();
        dialogs.WaitForElement("#remove-count", Slow).Change("3");
        dialogs.Find("#remove-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("7", page.Find("#lots-table tbody tr").TextContent), Slow);
        var lot = Assert.Single(await LotsAsync(vendorId));
        Assert.Equal((3, 7), (lot.Removed, lot.Remaining));
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("#remove-confirm")), Slow);
    }

    [Fact]
    public async Task Another_vendors_event_is_not_available()
    {
        var (_, own) = await EventPageAsync();
        var eventId = own.Instance.Id;
        await SignInAsync("other-vendor", UserType.Vendor);

        var page = Render<EventTickets>(p => p.Add(x => x.Id, eventId));

        page.WaitForElement("#event-not-available", Slow);
        Assert.Empty(page.FindAll("#upload-form"));
    }
}
