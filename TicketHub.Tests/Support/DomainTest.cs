using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Domain.Events;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;

namespace TicketHub.Tests.Support;

/// <summary>
/// Base of the specs that call domain services directly (queries the REST API does not expose): the real services
/// over a fresh database of the subclass's provider, and a few steps that set up a catalogue through them.
/// </summary>
public abstract class DomainTest(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;
    private AsyncServiceScope _scope;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected DatabaseProvider Provider => provider;
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:TicketHub"] = _database.ConnectionString,
            ["Demo:Seed"] = "false",
        };
        foreach (var (key, value) in Settings()) settings[key] = value;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging();
        services.AddTicketHubDomain(config, Path.GetTempPath());
        ConfigureServices(services);
        services.AddTicketHubIdentityCore();
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>Extra configuration for the services under test.</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    /// <summary>Service replacements, after the domain's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>A domain service, resolved as a page or endpoint would get it.</summary>
    protected T Service<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    protected async Task<string> AccountAsync(string username, UserType type)
    {
        var account = await Service<AccountService>().RegisterAsync(
            new RegisterCommand(username, "Test", "User", "correct-horse-1", Roles.ApiName(type)), Ct);
        Assert.True(account.IsSuccess, account.Error?.Message);
        return account.Value.UserId;
    }

    protected async Task<string> VenueAsync(string vendorId, string timeZone, string city = "Testville")
    {
        var venue = await Service<VenueService>().AddAsync(vendorId,
            new AddVenueCommand($"{city} Hall", "1 Main St", city, null, "Testland", "1000", null, timeZone), Ct);
        Assert.True(venue.IsSuccess, venue.Error?.Message);
        return venue.Value!;
    }

    protected async Task<string> EventAsync(string vendorId, string venueId, DateTimeOffset start, string name = "Show", string currency = "EUR")
    {
        var ev = await Service<EventService>().AddAsync(vendorId,
            new AddEventCommand(venueId, name, null, start, start.AddHours(2), currency, []), Ct);
        Assert.True(ev.IsSuccess, ev.Error?.Message);
        return ev.Value!;
    }

    protected async Task<string> LotAsync(string vendorId, string eventId, int count, decimal price, string seat = "GA")
    {
        var lot = await Service<TicketInventoryService>().UploadAsync(vendorId, new UploadTicketCommand(eventId, count, "Floor", seat, price), Ct);
        Assert.True(lot.IsSuccess, lot.Error?.Message);
        return lot.Value!;
    }
}
