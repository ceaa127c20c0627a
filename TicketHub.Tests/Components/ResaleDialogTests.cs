using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Tickets;

namespace TicketHub.Tests.Components;

/// <summary>The resale dialog: the anti-scalping cap is the domain's, and the dialog explains it.</summary>
public sealed class ResaleDialogTests : ComponentTest
{
    // Each wait spans real domain calls over SQLite; a busy machine can need more than bUnit's default second.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private async Task<(AccountInfo Fan, HoldingView Holding)> FanHoldingTwoAsync()
    {
        var lot = await LotOnSaleAsync(50m);
        var fan = await SignInAsync("fan", UserType.Individual);
        var bought = await Service<PurchaseService>().BuyAsync(fan.UserId, new BuyCommand(lot, 2, PaymentMethod: "pm_card_visa"), Ct);
        Assert.True(bought.IsSuccess, bought.Error?.Message);
        return (fan, Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct)));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(HoldingView holding)
    {
        var provider = Render<MudDialogProvider>();
        var parameters = new DialogParameters<ResellDialog> { { d => d.Holding, holding } };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await Service<IDialogService>().ShowAsync<ResellDialog>("Resell tickets", parameters));
        provider.WaitForElement("#resell-price", Patience);
        return (provider, dialog!);
    }

    [Fact]
    public async Task A_price_above_what_was_paid_is_refused_with_the_reason_and_nothing_is_listed()
    {
        var (fan, holding) = await FanHoldingTwoAsync();
        var (provider, dialog) = await OpenAsync(holding);

        provider.Find("#resell-price").Input("50.01");
        provider.Find("#resell-submit").Click();

        provider.WaitForAssertion(() =>
            Assert.Contains("You paid 50.00 USD each; tickets cannot be resold for more.", provider.Markup), Patience);
        Assert.Empty(await Service<ResaleService>().ListingsAsync(fan.UserId, Ct));
        Assert.Equal(2, Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct)).Count);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Theory]
    [InlineData("50", 50)]
    [InlineData("35.5", 35.5)]
    public async Task A_price_at_or_below_what_was_paid_lists_the_tickets_and_closes(string typed, double expected)
    {
        var (fan, holding) = await FanHoldingTwoAsync();
        var (provider, dialog) = await OpenAsync(holding);

        provider.Find("#resell-price").Input(typed);
        provider.Find("#resell-submit").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.False(result!.Canceled);
        var created = Assert.IsType<ListingCreated>(result.Data);
        var listing = Assert.Single(await Service<ResaleService>().ListingsAsync(fan.UserId, Ct));
        Assert.Equal((created.ListingId, 2, (decimal)expected), (listing.ListingId, listing.Count, listing.Price));
        var price = ((decimal)expected).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(Service<ISnackbar>().ShownSnackbars, s => s.Message == $"Listed 2 tickets at {price} USD");
    }

    [Fact]
    public async Task The_dialog_offers_every_held_ticket_at_the_price_paid_by_default()
    {
        var (_, holding) = await FanHoldingTwoAsync();
        var (provider, _) = await OpenAsync(holding);

        Assert.Equal("2", provider.Find("#resell-count").GetAttribute("value"));
        Assert.Equal("50", provider.Find("#resell-price").GetAttribute("value"));
    }

    [Fact]
    public async Task My_tickets_cancels_a_listing_only_after_confirmation_and_the_tickets_come_back()
    {
        var (fan, holding) = await FanHoldingTwoAsync();
        var listed = await Service<ResaleService>().SellAsync(fan.UserId, new SellCommand(holding.TicketId, 2, 40m), Ct);
        Assert.True(listed.IsSuccess, listed.Error?.Message);
        var page = Render(b =>
        {
            b.OpenComponent<MudDialogProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MyTickets>(1);
            b.CloseComponent();
        });

        page.WaitForElement($"#cancel-listing-{listed.Value.ListingId}", Patience).Click();
        page.WaitForAssertion(() => Assert.Contains("Cancel this listing?", page.Markup), Patience);
        Assert.Equal(ListingStatus.Active, Assert.Single(await Service<ResaleService>().ListingsAsync(fan.UserId, Ct)).Status);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel listing").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[id^=cancel-listing-]")), Patience);
        Assert.Equal(ListingStatus.Cancelled, Assert.Single(await Service<ResaleService>().ListingsAsync(fan.UserId, Ct)).Status);
        Assert.Equal(2, Assert.Single(await Service<HoldingService>().HoldingsAsync(fan.UserId, Ct)).Count);
    }

    [Fact]
    public async Task My_tickets_without_any_ticket_points_to_the_events()
    {
        await SignInAsync("newbie", UserType.Individual);

        var page = Render<MyTickets>();

        page.WaitForAssertion(() => Assert.Contains("No tickets yet", page.Find("#tickets-empty").TextContent), Patience);
        Assert.NotNull(page.Find("#tickets-empty a[href='/events']"));
    }
}
