using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.E2E;

/// <summary>
/// The whole app on a real loopback port (Kestrel inside the test process) and one headless Debian Chromium.
/// No browser is downloaded: Playwright drives /usr/bin/chromium.
/// </summary>
public class BrowserApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TicketHubFactory Factory { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Where journeys leave their screenshots: artifacts/screenshots at the repository root.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: the browser journeys need Debian's chromium (./test.sh installs it).");
        Factory = await TicketHubFactory.CreateAsync(DatabaseProvider.Sqlite, Settings, ConfigureServices, environment: "Development");
        Factory.UseKestrel(0);
        Factory.StartServer();
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');

        // The journeys share two cores with the rest of the suite: allow for a slow first render.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>
    /// Settings of this app on top of the test defaults. Here: waiting rooms let one visitor in a second, so the
    /// waiting-room journey sees a place that moves before its turn.
    /// </summary>
    protected virtual IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["WaitingRoom:AdmitPerSecond"] = "1" };

    /// <summary>Service additions of this app.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TicketHub.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Path.GetTempPath();
    }
}
