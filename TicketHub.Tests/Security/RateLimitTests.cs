using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;
using TicketHub.Domain.Payments;
using TicketHub.Tests.Support;
using TicketHub.Web.Hosting;

namespace TicketHub.Tests.Security;

public sealed class RateLimitOnSqlite() : RateLimitTests(DatabaseProvider.Sqlite);
public sealed class RateLimitOnPostgres() : RateLimitTests(DatabaseProvider.Postgres);

/// <summary>Each limit answers 429 with Retry-After once passed, on the API and the web pages alike.</summary>
public abstract class RateLimitTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:SignInPerAddress:PermitLimit"] = "3",
        ["RateLimiting:SignInPerAddress:WindowSeconds"] = "600",
        ["RateLimiting:SignInPerUsername:PermitLimit"] = "4",
        ["RateLimiting:SignInPerUsername:WindowSeconds"] = "600",
        ["RateLimiting:SignUpPerAddress:PermitLimit"] = "100",
        ["RateLimiting:SignUpPerAddress:WindowSeconds"] = "600",
        ["RateLimiting:TradingPerUser:PermitLimit"] = "2",
        ["RateLimiting:TradingPerUser:WindowSeconds"] = "600",
        ["RateLimiting:CatalogWritesPerVendor:PermitLimit"] = "3",
        ["RateLimiting:CatalogWritesPerVendor:WindowSeconds"] = "600",
    };

    [Fact]
    public async Task Sign_in_past_the_per_address_limit_is_429_with_retry_after()
    {
        var client = App.CreateClient().From("198.51.100.7");
        for (var i = 0; i < 3; i++) await LoginAsync(client, "someone", "wrong-password-guess");

        var response = await LoginAsync(client, "someone", "wrong-password-guess");

        await AssertTooManyAsync(response);
        await (await LoginAsync(App.CreateClient().From("198.51.100.8"), "someone", "wrong-password-guess"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);   // another address still gets an answer
    }

    [Fact]
    public async Task The_login_page_shares_the_per_address_limit_and_answers_429()
    {
        var browser = App.CreateClient().From("198.51.100.20");
        for (var i = 0; i < 3; i++) await PostLoginFormAsync(browser, "someone");

        var response = await PostLoginFormAsync(browser, "someone");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.Parse(response.Headers.RetryAfter!.ToString()) >= 1);
        Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Reading_the_login_page_is_never_limited()
    {
        var browser = App.CreateClient().From("198.51.100.21");

        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login", Ct)).StatusCode);
    }

    [Fact]
    public async Task Sign_in_per_username_holds_whichever_addresses_the_attempts_come_from()
    {
        for (var i = 0; i < 4; i++) await LoginAsync(App.CreateClient().From($"203.0.113.{i + 1}"), "victim", "wrong-password-guess");

        await AssertTooManyAsync(await LoginAsync(App.CreateClient().From("203.0.113.99"), "victim", "wrong-password-guess"));
    }

    [Fact]
    public async Task The_login_page_answers_429_past_the_per_username_limit()
    {
        for (var i = 0; i < 4; i++) await LoginAsync(App.CreateClient().From($"203.0.113.{i + 10}"), "pagevictim", "wrong-password-guess");

        var response = await PostLoginFormAsync(App.CreateClient().From("203.0.113.50"), "pagevictim");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Too many attempts", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task IPv6_clients_are_limited_per_64_network()
    {
        for (var i = 0; i < 3; i++) await LoginAsync(App.CreateClient().From($"2001:db8:1:2::{i + 1:x}"), "v6user", "wrong-password-guess");

        await AssertTooManyAsync(await LoginAsync(App.CreateClient().From("2001:db8:1:2:ffff::1"), "v6user2", "wrong-password-guess"));
        await (await LoginAsync(App.CreateClient().From("2001:db8:1:3::1"), "v6user2", "wrong-password-guess"))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("192.0.2.44", "192.0.2.44")]
    [InlineData("::ffff:192.0.2.44", "192.0.2.44")]
    public void Client_addresses_partition_by_IPv4_address_and_IPv6_64(string address, string partition) =>
        Assert.Equal(partition, ClientAddress.PartitionOf(IPAddress.Parse(address)));

    [Fact]
    public async Task Sign_up_past_the_per_address_limit_is_429_on_the_api_and_the_register_page()
    {
        await using var app = await TicketHubFactory.CreateAsync(Provider, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:SignUpPerAddress:PermitLimit"] = "2",
            ["RateLimiting:SignUpPerAddress:WindowSeconds"] = "600",
        });
        var client = app.CreateClient().From("198.51.100.30");
        for (var i = 0; i < 2; i++) await (await SignUpAsync(client, $"signup{i}")).EnsureOkAsync();

        await AssertTooManyAsync(await SignUpAsync(client, "signup9"));
        var page = await PostFormAsync(client, "/account/register", "register", new()
        {
            ["Input.UserType"] = "individual", ["Input.Username"] = "signup10", ["Input.FirstName"] = "A", ["Input.LastName"] = "B",
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        await (await SignUpAsync(app.CreateClient().From("198.51.100.31"), "signup11")).EnsureOkAsync();   // per address
    }

    [Fact]
    public async Task Buy_and_sell_share_one_per_user_limit()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var lot = await UploadAsync(vendor, eventId, count: 20);
        var buyer = await IndividualAsync("trader");
        await (await BuyAsync(buyer, lot, 2)).EnsureOkAsync();
        await (await SellAsync(buyer, lot, 1)).EnsureOkAsync();

        await AssertTooManyAsync(await BuyAsync(buyer, lot, 1));
        await AssertTooManyAsync(await SellAsync(buyer, lot, 1));
        await (await BuyAsync(await IndividualAsync("other-trader"), lot, 1)).EnsureOkAsync();   // per user
    }

    [Fact]
    public async Task Catalogue_writes_past_the_per_vendor_limit_are_429()
    {
        var vendor = await VendorAsync();
        for (var i = 0; i < 3; i++) await AddPerformerAsync(vendor, $"Act {i}");

        await AssertTooManyAsync(await vendor.PutAsJsonAsync("/api/tickets/add-venue",
            new { name = "Late Hall", streetAddress = "1 St", city = "Austin", country = "US" }, Ct));
        await using var db = App.Database.CreateContext();
        Assert.Empty(db.Venues);
    }

    [Fact]
    public async Task A_request_past_the_concurrency_limit_is_429()
    {
        var gateway = new HeldGateway();
        await using var app = await TicketHubFactory.CreateAsync(Provider, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:ConcurrentRequests"] = "1",
            ["RateLimiting:ConcurrentQueue"] = "0",
        }, services => services.AddSingleton<IPaymentGateway>(gateway));
        var vendor = app.CreateClientWithToken(await TokenAsync(app, "vendor"));
        var venue = await (await vendor.PutAsJsonAsync("/api/tickets/add-venue",
            new { name = "Hall", streetAddress = "1 St", city = "Austin", country = "US" }, Ct)).ReadIdAsync();
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var eventId = await (await vendor.PutAsJsonAsync("/api/tickets/add-event",
            new { venueId = venue, name = "Held", startTime = start, endTime = start.AddHours(2) }, Ct)).ReadIdAsync();
        var lot = await (await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count = 5, seat = "GA", price = 10m }, Ct)).ReadIdAsync();
        var buyer = app.CreateClientWithToken(await TokenAsync(app, "individual"));

        // A purchase whose payment does not answer holds the only slot for as long as the test wants.
        var held = BuyAsync(buyer, lot, 1);
        await gateway.Charging.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await AssertTooManyAsync(await app.CreateClient().GetAsync("/api/tickets/view-venues", Ct));
        gateway.Answer();
        await (await held).EnsureOkAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/tickets/view-venues", Ct)).StatusCode);
    }

    private static async Task<string> TokenAsync(TicketHubFactory app, string userType)
    {
        var anonymous = app.CreateClient();
        var username = userType + "held";
        await (await anonymous.PutAsJsonAsync("/api/users/create-user",
            new { username, firstName = "H", lastName = "D", password = Password, userType }, Ct)).EnsureOkAsync();
        return (await (await anonymous.PostAsJsonAsync("/api/users/login", new { username, password = Password }, Ct)).ReadOkAsync<LoginBody>()).Token;
    }

    // Charges that wait until the test lets them answer.
    private sealed class HeldGateway : IPaymentGateway
    {
        private readonly TaskCompletionSource _charging = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Charging => _charging.Task;

        public void Answer() => _answer.TrySetResult();

        public async Task<PaymentOutcome> ChargeAsync(PaymentRequest request, CancellationToken ct)
        {
            _charging.TrySetResult();
            await _answer.Task;
            return PaymentOutcome.Success("pi_held_" + request.OrderId);
        }

        public Task<PaymentOutcome?> FindAsync(string orderId, CancellationToken ct) => Task.FromResult<PaymentOutcome?>(null);
    }

    [Fact]
    public async Task Turning_rate_limiting_off_lifts_every_limit()
    {
        await using var app = await TicketHubFactory.CreateAsync(Provider, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["RateLimiting:SignInPerAddress:PermitLimit"] = "1",
            ["RateLimiting:SignInPerUsername:PermitLimit"] = "1",
        });
        var client = app.CreateClient();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await LoginAsync(client, "anyone", "wrong-password-guess")).StatusCode);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/users/login", new { username, password }, Ct);

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string username) =>
        client.PutAsJsonAsync("/api/users/create-user", new { username, firstName = "A", lastName = "B", password = Password, userType = "individual" }, Ct);

    private static Task<HttpResponseMessage> PostLoginFormAsync(HttpClient browser, string username) =>
        PostFormAsync(browser, "/account/login", "login", new() { ["Input.Username"] = username, ["Input.Password"] = "wrong-password-guess" });

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", problem.Code);
        Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {response.Headers.RetryAfter}");
    }
}
