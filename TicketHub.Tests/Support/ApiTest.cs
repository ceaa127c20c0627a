using System.Net.Http.Json;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Support;

/// <summary>Base of the HTTP integration specs: a fresh app and database per test, on the provider of the subclass.</summary>
public abstract class ApiTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TicketHubFactory App { get; private set; } = null!;
    protected HttpClient Anonymous { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = await TicketHubFactory.CreateAsync(provider, Settings());
        Anonymous = App.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Extra configuration for the app under test.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;

    protected const string Password = "correct-horse-1";

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
}

public sealed record LoginBody(string Token, DateTime ExpiresAt, string Username, string UserType);
