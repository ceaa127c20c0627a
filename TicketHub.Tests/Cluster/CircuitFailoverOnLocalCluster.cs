using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Playwright;
using TicketHub.Tests.E2E;
using TicketHub.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.Cluster;

/// <summary>
/// A Blazor circuit lives in one node's memory. When that node dies, the browser's reconnect reaches the other node
/// through HAProxy, which has no such circuit and refuses it; the page then reloads there, and the user is still
/// signed in (the cookie is read with the shared key ring). Runs against <c>deploy/local-cluster</c> through HAProxy:
/// deploy/cluster-tests (and deploy/fault-test) set the variables; without them it is skipped.
/// </summary>
[Trait("Category", "E2E")]
[Collection(nameof(LocalClusterCollection))]
public sealed class CircuitFailoverOnLocalCluster : IAsyncLifetime
{
    public const string UrlVariable = "TICKETHUB_CLUSTER_URL";
    public const string ControlVariable = "TICKETHUB_CLUSTER_CONTROL";
    private const string Password = "correct-horse-1";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _url = "";
    private string _control = "";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _url = Environment.GetEnvironmentVariable(UrlVariable) ?? "";
        _control = Environment.GetEnvironmentVariable(ControlVariable) ?? "";
        Assert.SkipWhen(_url.Length == 0 || _control.Length == 0,
            $"{UrlVariable}/{ControlVariable} are not set: deploy/fault-test runs this against deploy/local-cluster.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-quic"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    [Fact]
    public async Task A_signed_in_page_whose_node_dies_reloads_on_the_other_node_still_signed_in()
    {
        var username = "cf" + Guid.NewGuid().ToString("N")[..12];
        await CreateAccountAsync(username);
        await using var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = _url, IgnoreHTTPSErrors = true });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fmy%2Ftickets");
        await page.Locator("#username").FillAsync(username);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(username);
        await Expect(page.Locator("#th-interactive")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        var first = await NodeAsync(context);

        // The page reloads by itself (no navigation from here), possibly within a moment of the kill: listen first.
        var reload = page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.Contains("/my/tickets"), new() { Timeout = 60_000 });
        await ControlAsync($"stop {first} KILL");
        try
        {
            await reload;   // and it comes back interactive from the other node
            await Expect(page.Locator("#th-interactive")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 60_000 });
            await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync(username);
            Assert.EndsWith("/my/tickets", page.Url);
            Assert.NotEqual(first, await NodeAsync(context));
        }
        finally
        {
            await ControlAsync($"start {first}");
        }
    }

    private static async Task<string> NodeAsync(IBrowserContext context)
    {
        var cookies = await context.CookiesAsync();
        return cookies.Single(c => c.Name == "THNODE").Value;   // HAProxy's sticky cookie names the node
    }

    private async Task CreateAccountAsync(string username)
    {
        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } })
        {
            BaseAddress = new Uri(_url),
        };
        var created = await http.PutAsJsonAsync("/api/users/create-user",
            new { username, firstName = "Circuit", lastName = "Failover", password = Password, userType = "individual" }, Ct);
        await created.EnsureOkAsync();
    }

    private async Task ControlAsync(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(_control, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{_control} {arguments}: {await process.StandardError.ReadToEndAsync(Ct)}");
    }
}
