using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketHub.Domain.Data;
using TicketHub.Domain.ETickets;

namespace TicketHub.Tests.Support;

/// <summary>The whole app over a fresh database of the given provider; one per test.</summary>
public sealed class TicketHubFactory : WebApplicationFactory<Program>
{
    // Hundreds of app instances per run would exhaust inotify watches if each one watched its settings files.
    static TicketHubFactory() => System.Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"tickethub-data-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string?> _settings;

    private TicketHubFactory(TestDatabase database, IDictionary<string, string?>? settings, bool ownsDatabase = true)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:MigrateOnStartup"] = "false",   // the template is migrated already
            ["ConnectionStrings:TicketHub"] = database.ConnectionString,
            ["DataDirectory"] = _dataDirectory,
            ["Demo:Seed"] = "false",
            ["Jwt:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Tickets:SigningKey"] = PlatformKey.NewPrivateKeyText(),
            ["RateLimiting:Enabled"] = "false",               // specs sign up hundreds of users from one address; the limit specs turn it on
            ["Payments:ReconcileIntervalSeconds"] = "3600",   // specs run the reconciler themselves
            ["Unsafe:AllowTestPayments"] = "true",            // "Testing" is not Development: the test gateway must be asked for
            ["Vendors:AutoApprove"] = "true",                 // the approval specs turn it off
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) _settings[key] = value;
        _settings["DataDirectory"] ??= _dataDirectory;
        // Outside Development cookies are Secure (and __Host-): clients talk HTTPS, as browsers behind the proxy do.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public TestDatabase Database => _database;

    public static async Task<TicketHubFactory> CreateAsync(
        DatabaseProvider provider, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null,
        string environment = "Testing") =>
        new(await TestDatabase.CreateAsync(provider), settings) { ConfigureServices = configureServices, Environment = environment };

    /// <summary>
    /// Another web node as a cluster runs it: this app's database and settings (the same JWT key, the same Redis),
    /// with <paramref name="settings"/> on top. The database stays this app's to drop.
    /// </summary>
    public TicketHubFactory CreateSecondNode(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var merged = new Dictionary<string, string?>(_settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) merged[key] = value;
        merged["DataDirectory"] = null;   // each node its own folder: nothing shared may live there
        return new(_database, merged, ownsDatabase: false) { ConfigureServices = configureServices, Environment = Environment };
    }

    /// <summary>Service replacements for one test, e.g. a gateway that fails on purpose.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// "Testing" for HTTP specs; browser journeys use "Development", the environment in which the build output serves
    /// the packages' static files (MudBlazor's CSS and JS).
    /// </summary>
    public string Environment { get; init; } = "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            // Password hashing at full strength costs ~100 ms a user; specs create hundreds of users.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
            ConfigureServices?.Invoke(services);
        });
    }

    /// <summary>Every exchange of the API clients below, held against the app's own OpenAPI document.</summary>
    public ConformanceLog Conformance { get; } = new();

    private Task<OpenApiContract>? _contract;

    /// <summary>The document as this app serves it, fetched once past the conformance check.</summary>
    public Task<OpenApiContract> ContractAsync() => _contract ??= FetchContractAsync();

    private async Task<OpenApiContract> FetchContractAsync()
    {
        using var plain = CreateClient();
        return OpenApiContract.Parse(await plain.GetStringAsync("/openapi/v1.json"));
    }

    /// <summary>A client whose every /api exchange is checked against the OpenAPI document (see <see cref="ConformanceHandler"/>).</summary>
    public HttpClient CreateApiClient(string? token = null)
    {
        var client = CreateDefaultClient(ClientOptions.BaseAddress, new ConformanceHandler(ContractAsync, Conformance));
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient CreateClientWithToken(string token) => CreateApiClient(token);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
