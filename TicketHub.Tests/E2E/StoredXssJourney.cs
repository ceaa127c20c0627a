using System.Net.Http.Headers;
using Microsoft.Playwright;
using TicketHub.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// Markup stored through the API in every field (<see cref="StoredMarkup"/>) stays text in a real browser, on every page
/// and for every audience: none of its script runs and none of its elements exist. The Content-Security-Policy is
/// bypassed here, so that what is tested is the escaping, not the policy that would also block inline script.
/// It has an app of its own: names hundreds of characters long would disturb the page tour's layout checks.
/// </summary>
[Collection(nameof(StoredXssBrowser))]
public sealed class StoredXssJourney(BrowserApp app) : JourneyTest(app)
{
    protected override bool BypassContentSecurityPolicy => true;

    // What markup rendered as HTML would leave behind, and the text (including labels and inputs) the page shows.
    private const string Probe = """
        () => ({
          ran: window.__xss === undefined ? null : String(window.__xss),
          live: [...document.querySelectorAll('*')]
            .filter(e => e.id.startsWith('xss-')
              || (e.localName === 'script' && !e.hasAttribute('src'))
              || [...e.attributes].some(a => a.name.startsWith('on'))
              || (e.getAttribute('href') || '').trim().toLowerCase().startsWith('javascript:'))
            .map(e => e.outerHTML.slice(0, 160)),
          text: document.body.innerText + ' ' + [...document.querySelectorAll('[aria-label], input')]
            .map(e => (e.getAttribute('aria-label') || '') + ' ' + (e.value || '')).join(' ')
        })
        """;

    private sealed class Probed
    {
        public string? Ran { get; set; }
        public string[] Live { get; set; } = [];
        public string Text { get; set; } = "";
    }

    [Fact]
    public async Task Stored_markup_runs_no_script_and_makes_no_element_on_any_page()
    {
        var stored = await StoreAsync();

        // The control: the same payloads pasted into one of the app's pages as HTML do run here (the policy, which
        // would block their inline handlers, is bypassed), so a quiet page below means escaped, not a blind probe.
        await Page.GotoAsync("/");
        await Page.EvaluateAsync("html => document.body.insertAdjacentHTML('beforeend', html)", string.Concat(stored.Payloads.Select(p => p.Text)));
        await Page.WaitForFunctionAsync("() => window.__xss !== undefined");
        Assert.NotEmpty((await ProbeAsync()).Live);

        var failures = new List<string>();
        await VisitEveryPageAsync(stored, failures);

        TestContext.Current.TestOutputHelper?.WriteLine($"{stored.Payloads.Count} payloads x {stored.Pages.Count} pages checked in the browser.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task<StoredMarkup> StoreAsync()
    {
        var clients = new List<HttpClient> { new() { BaseAddress = new Uri(App.BaseUrl) } };
        try
        {
            return await StoredMarkup.StoreAsync(clients[0], token =>
            {
                var client = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                clients.Add(client);
                return client;
            }, App.Factory.Services, App.Factory.Database, Ct);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private async Task VisitEveryPageAsync(StoredMarkup stored, List<string> failures)
    {
        var users = new Dictionary<string, string> { ["buyer"] = StoredMarkup.Buyer, ["vendor"] = StoredMarkup.Vendor, ["admin"] = StoredMarkup.Admin };
        foreach (var audience in new[] { "anyone", "buyer", "vendor", "admin" })
        {
            if (users.TryGetValue(audience, out var username)) await LoginAsync(username);
            foreach (var page in stored.Pages.Where(p => p.Audience == audience))
            {
                await Page.GotoAsync(page.Path);
                await Expect(Page.Locator("h1").First).ToBeVisibleAsync();
                if (await Page.Locator("#th-interactive[data-interactive]").CountAsync() > 0) await WaitInteractiveAsync();
                // An <img src=x onerror> fires only once its request fails: let every request end first.
                await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

                var probed = await ProbeAsync();
                if (probed.Ran is not null) failures.Add($"{page.Path}: the {probed.Ran} markup ran");
                failures.AddRange(probed.Live.Select(e => $"{page.Path}: live markup {e}"));
                if (page.ShowsStoredText && !stored.Payloads.Any(p => probed.Text.Contains(p.Text, StringComparison.Ordinal)))
                    failures.Add($"{page.Path} shows none of the stored markup as text, so it proves nothing");
            }
            if (audience != "anyone") await Page.ClickAsync("#logout");
        }
    }

    private Task<Probed> ProbeAsync() => Page.EvaluateAsync<Probed>(Probe);
}

[CollectionDefinition(nameof(StoredXssBrowser))]
public sealed class StoredXssBrowser : ICollectionFixture<BrowserApp>;
