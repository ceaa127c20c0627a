using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TicketHub.Domain;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Support;

/// <summary>
/// Base of the bUnit specs: MudBlazor with loose JS interop, and the real domain services over a fresh SQLite
/// database (no mocks: a page shows what the domain answers). <see cref="SignInAsync"/> makes a real account and
/// presents it to the component as the signed-in user.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    private TestDatabase? _database;

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");
    protected BunitAuthorizationContext Auth { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:TicketHub"] = _database.ConnectionString,
            ["Demo:Seed"] = "false",
            ["Vendors:AutoApprove"] = "true",
        };
        foreach (var (key, value) in Settings()) settings[key] = value;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Services.AddSingleton<IConfiguration>(config);
        Services.AddLogging();
        Services.AddTicketHubDomain(config, Path.GetTempPath());
        ConfigureServices(Services);
        Services.AddTicketHubIdentityCore();
        Services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        Services.AddMudServices();
        Services.AddScoped<TicketHub.Web.Components.Shared.BrowserZone>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = AddAuthorization();
        // Pages render as they do on a live circuit (some ask the browser for things after rendering).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Extra configuration for the services under test.</summary>
    protected virtual IDictionary<string, string?> Settings() => new Dictionary<string, string?>();

    /// <summary>Service replacements, after the domain's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    /// <summary>A domain service, resolved as a page would get it.</summary>
    protected T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Test data made through the domain services the components use.</summary>
    protected TestData Data => new(Services, Ct);

    /// <summary>A vendor's upcoming event in Austin, priced in USD, with one lot on sale (section A, seat 12); returns the lot.</summary>
    protected async Task<string> LotOnSaleAsync(decimal price = 50m) =>
        (await Data.EventOnSaleAsync(city: "Austin", currency: "USD", timeZone: "America/Chicago", section: "A", seat: "12", price: price)).LotId;

    /// <summary>Creates the account and makes it the signed-in user of every component rendered afterwards.</summary>
    protected async Task<AccountInfo> SignInAsync(string username, UserType type)
    {
        var account = await Data.AccountAsync(username, type, "Test", "User");
        Auth.SetAuthorized(username);
        Auth.SetRoles(Roles.For(type));
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, account.UserId));
        return account;
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_database is not null) await _database.DisposeAsync();
    }
}
