using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Resale;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Pages.Tickets;
using TicketHub.Web.Components.Pages.Vendor;

namespace TicketHub.Tests.Components;

/// <summary>E-tickets in the pages: the holder's QR codes and the vendor's door, over the real domain services.</summary>
public sealed class ETicketPagesTests : ComponentTest
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task My_tickets_draws_each_held_ticket_s_signed_code_and_says_why_a_listed_one_shows_none()
    {
        var lot = (await Data.EventOnSaleAsync(timeZone: "America/Chicago")).LotId;
        var fan = await SignInAsync("fan", UserType.Individual);
        Assert.True((await Service<PurchaseService>().BuyAsync(fan.UserId, new BuyCommand(lot, 2), Ct)).IsSuccess);
        Assert.True((await Service<ResaleService>().SellAsync(fan.UserId, new SellCommand(lot, 1, 40m), Ct)).IsSuccess);

        var page = Render<MyTickets>();

        var qr = page.WaitForElements("img.th-ticket-qr", Patience);
        var image = Assert.Single(qr);
        Assert.StartsWith("data:image/svg+xml;base64,", image.GetAttribute("src"));
        var claims = TicketCode.Open(Service<PlatformKey>().PublicKey, image.GetAttribute("data-code"));
        Assert.NotNull(claims);
        Assert.Equal(fan.UserId, claims.OwnerId);
        Assert.Contains("listed for resale, so its code is not shown", page.Find(".th-listed-note").TextContent);
    }

    [Fact]
    public async Task The_printable_page_of_a_ticket_someone_else_holds_reads_as_not_available()
    {
        var lot = (await Data.EventOnSaleAsync(timeZone: "America/Chicago")).LotId;
        var owner = await Service<AccountService>().RegisterAsync(new RegisterCommand("owner", "O", "Wner", "correct-horse-1", "individual"), Ct);
        Assert.True((await Service<PurchaseService>().BuyAsync(owner.Value!.UserId, new BuyCommand(lot, 1), Ct)).IsSuccess);
        var unitId = (await Service<ETicketService>().TicketsAsync(owner.Value.UserId, ct: Ct)).Single().UnitId;
        await SignInAsync("someone-else", UserType.Individual);

        var page = Render<PrintableTicket>(p => p.Add(x => x.UnitId, unitId));

        page.WaitForAssertion(() => Assert.Equal("Ticket not available", page.Find("h1").TextContent.Trim()), Patience);
        Assert.Empty(page.FindAll("img.th-ticket-qr"));
    }

    [Fact]
    public async Task The_door_admits_a_ticket_then_answers_already_used_and_counts_one_entry()
    {
        var lot = (await Data.EventOnSaleAsync(timeZone: "America/Chicago")).LotId;
        var fan = await Service<AccountService>().RegisterAsync(new RegisterCommand("fan", "F", "An", "correct-horse-1", "individual"), Ct);
        Assert.True((await Service<PurchaseService>().BuyAsync(fan.Value!.UserId, new BuyCommand(lot, 1), Ct)).IsSuccess);
        var ticket = (await Service<ETicketService>().TicketsAsync(fan.Value.UserId, ct: Ct)).Single();
        await SignInAsVendorOfAsync(ticket.EventId);

        var page = Render<CheckIn>(p => p.Add(x => x.Id, ticket.EventId));
        page.WaitForElement("#checkin-code", Patience);

        Scan(page, ticket.Code);
        page.WaitForAssertion(() => Assert.Equal(CheckInVerdicts.Valid, page.Find("#checkin-verdict").GetAttribute("data-verdict")), Patience);
        Scan(page, ticket.Code);
        page.WaitForAssertion(() => Assert.Equal(CheckInVerdicts.AlreadyUsed, page.Find("#checkin-verdict").GetAttribute("data-verdict")), Patience);
        Assert.Contains("came in at", page.Find("#checkin-verdict").TextContent);
        Assert.Contains("(America/Chicago)", page.Find("#checkin-verdict").TextContent);
        Assert.Equal("1", page.Find("#entered-count").GetAttribute("data-entered"));
    }

    private static void Scan(IRenderedComponent<CheckIn> page, string code)
    {
        page.Find("#checkin-code").Input(code);
        page.Find("#checkin-form").Submit();
    }

    // StoreSeed's vendor, presented as the signed-in user.
    private async Task SignInAsVendorOfAsync(string eventId)
    {
        await using var db = Database.CreateContext();
        var vendorId = await db.Events.Where(e => e.Id == eventId).Select(e => e.VendorId).SingleAsync(Ct);
        Auth.SetAuthorized("vendor");
        Auth.SetRoles(Roles.For(UserType.Vendor));
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, vendorId));
    }
}
