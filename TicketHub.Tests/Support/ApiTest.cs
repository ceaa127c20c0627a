using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Web.Hosting;

namespace TicketHub.Tests.Support;

/// <summary>Base of the HTTP integration specs: a fresh app and database per test, on the provider of the subclass.</summary>
public abstract class ApiTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TicketHubFactory App { get; private set; } = null!;
    protected HttpClient Anonymous { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = await TicketHubFactory.CreateAsync(provider, Settings(), ConfigureServices);
        Anonymous = App.CreateApiClient();
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        var violations = App.Conformance.Violations;
        await App.DisposeAsync();
        Assert.True(violations.Count == 0,
            $"The API's traffic departed from /openapi/v1.json {violations.Count} time(s):\n{string.Join("\n", violations)}");
    }

    /// <summary>Extra configuration for the app under test.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;

    /// <summary>Service replacements for the app under test.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    protected DatabaseProvider Provider => provider;

    protected const string Password = TestData.Password;

    protected async Task<string> SignUpAndLoginAsync(string username, string userType)
    {
        var created = await Anonymous.PutAsJsonAsync("/api/users/create-user",
            new { username, firstName = "Test", lastName = "User", password = Password, userType }, Ct);
        await created.EnsureOkAsync();
        var login = await Anonymous.PostAsJsonAsync("/api/users/login", new { username, password = Password }, Ct);
        await login.EnsureOkAsync();
        return (await login.Content.ReadFromJsonAsync<LoginBody>(Ct))!.Token;
    }

    protected async Task<HttpClient> VendorAsync(string username = "vendor1") =>
        App.CreateClientWithToken(await SignUpAndLoginAsync(username, "vendor"));

    protected async Task<HttpClient> IndividualAsync(string username = "buyer1") =>
        App.CreateClientWithToken(await SignUpAndLoginAsync(username, "individual"));

    protected static async Task<string> AddVenueAsync(HttpClient vendor, string name = "Riverside Arena", string city = "Austin",
        string? state = "TX", string country = "United States", string? postalCode = "78701")
    {
        var response = await vendor.PutAsJsonAsync("/api/tickets/add-venue",
            new { name, streetAddress = "1 Main St", city, state, country, postalCode, addlAddress = (string?)null }, Ct);
        return await response.ReadIdAsync();
    }

    protected static async Task<string> AddPerformerAsync(HttpClient vendor, string name = "The Night Owls")
    {
        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer", new { name, description = "Indie rock" }, Ct);
        return await response.ReadIdAsync();
    }

    protected static async Task<string> AddEventAsync(HttpClient vendor, string venueId, DateTimeOffset? start = null,
        string[]? performerIds = null, string name = "Summer Night", string? currency = null)
    {
        var startTime = start ?? DateTimeOffset.UtcNow.AddDays(30);
        var response = await vendor.PutAsJsonAsync("/api/tickets/add-event", new
        {
            venueId, name, description = "An evening of music", startTime, endTime = startTime.AddHours(3), currency,
            performerIds = performerIds ?? [],
        }, Ct);
        return await response.ReadIdAsync();
    }

    /// <summary>
    /// A browser signed in through the login page's form (antiforgery token and all); its cookies stay in the client.
    /// </summary>
    protected async Task<HttpClient> SignInBrowserAsync(string username, string password = Password)
    {
        var browser = App.CreateClient();
        var response = await PostFormAsync(browser, "/account/login", "login",
            new() { ["Input.Username"] = username, ["Input.Password"] = password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"Signing in {username} answered {(int)response.StatusCode}.");
        Assert.DoesNotContain("id=\"login-error\"", await response.Content.ReadAsStringAsync(Ct));
        return browser;
    }

    /// <summary>Posts a static page's form as a browser would: fetches the page for its antiforgery token first.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path, Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{path} has no antiforgery token.");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields), Ct);
    }

    /// <summary>Many buyers at once for the race specs: accounts made in-process, tokens minted directly.</summary>
    protected async Task<HttpClient[]> IndividualsAsync(int count, string prefix = "racer")
    {
        var clients = new HttpClient[count];
        for (var i = 0; i < count; i++)
        {
            await using var scope = App.Services.CreateAsyncScope();
            var account = await new TestData(scope.ServiceProvider, Ct).AccountAsync($"{prefix}{i}", UserType.Individual, "Race", "Buyer");
            clients[i] = App.CreateClientWithToken((await App.Services.GetRequiredService<TokenService>().IssueAsync(account, Ct)).Token);
        }
        return clients;
    }

    protected static async Task<string> UploadAsync(HttpClient vendor, string eventId, int count = 10, decimal price = 50m,
        string section = "Floor", string seat = "GA")
    {
        var response = await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId, count, section, seat, price }, Ct);
        return await response.ReadIdAsync();
    }

    protected static Task<HttpResponseMessage> BuyAsync(HttpClient buyer, string ticketId, int count, string? listingId = null,
        string? paymentMethod = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets/buy-ticket")
        {
            Content = JsonContent.Create(new { ticketId, count, listingId, paymentMethod }),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return buyer.SendAsync(request, Ct);
    }

    protected static Task<HttpResponseMessage> SellAsync(HttpClient seller, string ticketId, int count, decimal? price = null) =>
        seller.PostAsJsonAsync("/api/tickets/sell-ticket", new { ticketId, count, price }, Ct);

    /// <summary>Events cannot be created in the past, so specs about started events move one there.</summary>
    protected async Task MoveEventIntoThePastAsync(string eventId)
    {
        await using var db = App.Database.CreateContext();
        var past = DateTime.UtcNow.AddHours(-1);
        await db.Events.Where(e => e.Id == eventId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.StartUtc, past).SetProperty(e => e.EndUtc, past.AddHours(3)), Ct);
    }

    /// <summary>A vendor with one future event at one venue, ready for tickets.</summary>
    protected async Task<(HttpClient Vendor, string EventId)> VendorWithEventAsync(string username = "vendor1")
    {
        var vendor = await VendorAsync(username);
        var eventId = await AddEventAsync(vendor, await AddVenueAsync(vendor));
        return (vendor, eventId);
    }
}

public sealed record LoginBody(string Token, DateTime ExpiresAt, string Username, string UserType);
