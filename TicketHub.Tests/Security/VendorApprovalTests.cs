using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class VendorApprovalOnSqlite() : VendorApprovalTests(DatabaseProvider.Sqlite);
public sealed class VendorApprovalOnPostgres() : VendorApprovalTests(DatabaseProvider.Postgres);

/// <summary>Vendors wait for an administrator; refused and disabled accounts stop working at their next request.</summary>
public abstract class VendorApprovalTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string AdminName = "root-admin";
    private const string AdminPassword = "an-admin-passphrase-7";

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Vendors:AutoApprove"] = "false",
        ["Admin:Username"] = AdminName,
        ["Admin:Password"] = AdminPassword,
    };

    public static TheoryData<string, string> VendorRoutes() => new()
    {
        { "PUT", "/api/tickets/add-venue" },
        { "PUT", "/api/tickets/add-performer" },
        { "PUT", "/api/tickets/add-event" },
        { "PUT", "/api/tickets/add-performer-to-event" },
        { "PUT", "/api/tickets/upload-ticket" },
        { "DELETE", "/api/tickets/remove-ticket?ticket-id=x" },
    };

    [Theory]
    [MemberData(nameof(VendorRoutes))]
    public async Task A_new_vendor_is_pending_and_every_vendor_route_answers_vendor_not_approved(string method, string route)
    {
        var vendor = await VendorAsync("pending1");
        using var request = new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = JsonContent.Create(new { name = "Hall", streetAddress = "1 St", city = "Austin", country = "US" }),
        };

        var response = await vendor.SendAsync(request, Ct);

        Assert.Equal("vendor_not_approved", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
        await using var db = App.Database.CreateContext();
        Assert.Empty(db.Venues);
        Assert.Empty(db.Performers);
    }

    [Fact]
    public async Task Sign_up_says_a_vendor_starts_pending()
    {
        var response = await Anonymous.PutAsJsonAsync("/api/users/create-user",
            new { username = "newvendor", firstName = "N", lastName = "V", password = Password, userType = "vendor" }, Ct);

        await response.EnsureOkAsync();
        Assert.Equal(AccountStatus.PendingApproval, (await AccountAsync("newvendor")).Status);
    }

    [Fact]
    public async Task Once_approved_the_same_token_can_add_a_venue()
    {
        var vendor = await VendorAsync("soon-ok");
        var before = await vendor.PutAsJsonAsync("/api/tickets/add-venue", Venue, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);

        var approved = await AdminAsync(async (admin, adminId) => await admin.ApproveVendorAsync(adminId, (await AccountAsync("soon-ok")).UserId, Ct));

        Assert.True(approved.IsSuccess, approved.Error?.Message);
        await (await vendor.PutAsJsonAsync("/api/tickets/add-venue", Venue, Ct)).EnsureOkAsync();
    }

    [Fact]
    public async Task A_rejected_vendors_token_stops_working_at_its_next_request()
    {
        var vendor = await VendorAsync("rejectme");
        await (await vendor.GetAsync("/api/tickets/view-venues", Ct)).EnsureOkAsync();

        await AdminAsync(async (admin, adminId) => await admin.RejectVendorAsync(adminId, (await AccountAsync("rejectme")).UserId, Ct));

        await (await vendor.GetAsync("/api/tickets/view-venues", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var again = await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "rejectme", password = Password }, Ct);
        Assert.Equal("account_disabled", (await again.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
    }

    [Fact]
    public async Task A_disabled_accounts_token_and_cookie_stop_working_at_their_next_request()
    {
        var buyer = await IndividualAsync("disableme");
        var browser = await SignInBrowserAsync("disableme");
        Assert.Contains("My tickets", await (await browser.GetAsync("/my/tickets", Ct)).Content.ReadAsStringAsync(Ct));

        await AdminAsync(async (admin, adminId) => await admin.DisableAsync(adminId, (await AccountAsync("disableme")).UserId, Ct));

        await (await buyer.GetAsync("/api/tickets/view-tickets", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        var page = await browser.GetAsync("/my/tickets", Ct);
        Assert.Equal("/account/login", page.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_pending_vendors_pages_say_why()
    {
        await VendorAsync("waiting");
        var browser = await SignInBrowserAsync("waiting");

        var page = await browser.GetAsync("/vendor/venues", Ct);

        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"vendor-pending\"", html);
        Assert.Contains("waiting for approval", html);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration()
    {
        var login = await Anonymous.PostAsJsonAsync("/api/users/login", new { username = AdminName, password = AdminPassword }, Ct);

        Assert.Equal("admin", (await login.ReadOkAsync<LoginBody>()).UserType);
        var browser = await SignInBrowserAsync(AdminName, AdminPassword);
        var page = await browser.GetStringAsync("/admin/vendors", Ct);
        Assert.Contains("Vendor approvals</h1>", page);
    }

    [Fact]
    public async Task A_configured_admin_name_that_another_account_holds_is_never_promoted()
    {
        await IndividualAsync("squatter");

        await using var scope = App.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdminService>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.EnsureAdministratorAsync("squatter", AdminPassword, Ct));

        Assert.Equal(UserType.Individual, (await AccountAsync("squatter")).UserType);
    }

    [Fact]
    public async Task Only_a_pending_vendor_can_be_rejected()
    {
        await IndividualAsync("justabuyer");

        var result = await AdminAsync(async (admin, adminId) => await admin.RejectVendorAsync(adminId, (await AccountAsync("justabuyer")).UserId, Ct));

        Assert.Equal("invalid_state", result.Error?.Code);
        Assert.Equal(AccountStatus.Active, (await AccountAsync("justabuyer")).Status);
    }

    private static readonly object Venue = new { name = "Hall", streetAddress = "1 St", city = "Austin", country = "US" };

    private async Task<AccountInfo> AccountAsync(string username)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = App.Database.CreateContext();
        var id = await db.Users.Where(u => u.NormalizedUserName == username.ToUpperInvariant()).Select(u => u.Id).SingleAsync(Ct);
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().FindAsync(id, Ct))!;
    }

    private async Task<T> AdminAsync<T>(Func<AccountAdminService, string, Task<T>> act)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var adminId = (await AccountAsync(AdminName)).UserId;
        return await act(scope.ServiceProvider.GetRequiredService<AccountAdminService>(), adminId);
    }
}
