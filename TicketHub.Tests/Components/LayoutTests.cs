using Bunit;
using MudBlazor;
using TicketHub.Domain.Accounts;
using TicketHub.Tests.Support;
using TicketHub.Web.Components.Layout;

namespace TicketHub.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    [Fact]
    public async Task A_vendor_sees_the_vendor_admin_and_not_my_tickets()
    {
        await SignInAsync("vendy", UserType.Vendor);

        var cut = Render<NavMenu>();

        Assert.Contains("Vendor admin", cut.Markup);
        Assert.DoesNotContain("My tickets", cut.Markup);
    }

    [Fact]
    public async Task An_individual_sees_my_tickets_and_not_the_vendor_admin()
    {
        await SignInAsync("buyer", UserType.Individual);

        var cut = Render<NavMenu>();

        Assert.Contains("My tickets", cut.Markup);
        Assert.DoesNotContain("Vendor admin", cut.Markup);
    }
}
