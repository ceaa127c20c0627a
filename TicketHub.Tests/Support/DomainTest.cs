using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Support;

/// <summary>
/// Base of the specs that call domain services directly (queries the REST API does not expose): the real services
/// over a fresh database of the subclass's provider, and the shared <see cref="TestData"/> to set up a catalogue through them.
/// </summary>
public abstract class DomainTest(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;
    private AsyncServiceScope _scope;
    private readonly List<AsyncServiceScope> _requests = [];
    private bool _auditing;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
    protected DatabaseProvider Provider => provider;
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The services' clock: the real time, moved forward when a spec needs an event to have started.</summary>
    protected ShiftedClock Clock { get; } = new();

    /// <summary>What the services logged.</summary>
    protected LogCapture Logs { get; } = new();

    /// <summary>The per-user rate limits: none until a spec refuses an action.</summary>
    protected ScriptedLimits Limits { get; } = new();

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
        var services = new ServiceCollection().AddSingleton<IConfiguration>(config).AddLogging(b => b.AddProvider(Logs)).AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IActionRateLimiter>(Limits);
        services.AddTicketHubDomain(config, Path.GetTempPath());
        ConfigureServices(services);
        services.AddTicketHubIdentityCore();
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        _services = services.BuildServiceProvider();
        _scope = _services.CreateAsyncScope();
    }

    public async ValueTask DisposeAsync()
    {
        if (_auditing) await Service<AuditWriter>().StopAsync(CancellationToken.None);
        foreach (var request in _requests) await request.DisposeAsync();
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

    /// <summary>
    /// A domain service of a scope of its own, as the next request would get it: nothing an earlier call loaded (such as
    /// Identity's tracked user) is reused.
    /// </summary>
    protected T RequestService<T>() where T : notnull
    {
        var request = _services!.CreateAsyncScope();
        _requests.Add(request);
        return request.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>The audit entries of one action stored so far, oldest first (starts the audit writer on first use).</summary>
    protected async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action)
    {
        var writer = Service<AuditWriter>();
        if (!_auditing)
        {
            await writer.StartAsync(Ct);
            _auditing = true;
        }
        await writer.FlushAsync(Ct);
        await using var db = Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>Test data made through the domain services of this spec's database.</summary>
    protected TestData Data => new(_scope.ServiceProvider, Ct);

    protected async Task<string> AccountAsync(string username, UserType type) => (await Data.AccountAsync(username, type)).UserId;

    protected Task<string> VenueAsync(string vendorId, string timeZone, string city = "Testville") =>
        Data.VenueAsync(vendorId, city: city, timeZone: timeZone);

    protected Task<string> EventAsync(string vendorId, string venueId, DateTimeOffset start, string name = "Show", string currency = "EUR") =>
        Data.EventAsync(vendorId, venueId, start, name, currency);

    protected Task<string> LotAsync(string vendorId, string eventId, int count, decimal price, string seat = "GA") =>
        Data.LotAsync(vendorId, eventId, count, price, seat: seat);
}
