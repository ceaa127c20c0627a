using System.Net;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class StoredXssOnSqlite() : StoredXssTests(DatabaseProvider.Sqlite);
public sealed class StoredXssOnPostgres() : StoredXssTests(DatabaseProvider.Postgres);

/// <summary>
/// Markup stored through the API in every field a page shows comes back in the pages' HTML as escaped text: no page
/// carries an element, script, event handler or javascript: link that the markup would make (see <see cref="StoredMarkup"/>;
/// the browser journey StoredXssJourney proves that nothing runs).
/// </summary>
public abstract class StoredXssTests(DatabaseProvider provider) : ApiTest(provider)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?> { ["Vendors:AutoApprove"] = "false" };

    [Fact]
    public async Task Every_page_shows_stored_markup_as_escaped_text()
    {
        var stored = await StoredMarkup.StoreAsync(Anonymous, App.CreateClientWithToken, App.Services, App.Database, Ct);
        var browsers = new Dictionary<string, HttpClient>
        {
            ["anyone"] = App.CreateClient(),
            ["buyer"] = await SignInBrowserAsync(StoredMarkup.Buyer, StoredMarkup.Password),
            ["vendor"] = await SignInBrowserAsync(StoredMarkup.Vendor, StoredMarkup.Password),
            ["admin"] = await SignInBrowserAsync(StoredMarkup.Admin, StoredMarkup.Password),
        };
        var failures = new List<string>();
        var shown = new HashSet<string>();

        foreach (var page in stored.Pages)
        {
            var response = await browsers[page.Audience].GetAsync(page.Path, Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page.Path} answered {(int)response.StatusCode}.");

            failures.AddRange(StoredMarkup.LiveMarkup(html).Select(m => $"{page.Path}: live markup {m}"));
            var text = WebUtility.HtmlDecode(html);
            var here = stored.Payloads.Where(p => text.Contains(p.Text, StringComparison.Ordinal)).Select(p => p.Field).ToList();
            if (page.ShowsStoredText && here.Count == 0) failures.Add($"{page.Path} shows none of the stored markup, so it proves nothing");
            shown.UnionWith(here);
        }
        failures.AddRange(stored.Payloads.Where(p => !shown.Contains(p.Field)).Select(p => $"no page shows the {p.Field} (so none proves it escaped)"));

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{stored.Payloads.Count} payloads x {stored.Pages.Count} pages checked; {shown.Count} fields seen as text.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void The_check_finds_markup_that_a_page_rendered_as_html()
    {
        // The negative control: each payload pasted into a page unescaped is caught; escaped, it is not.
        foreach (var payload in new[] { StoredMarkup.Long("f"), StoredMarkup.Medium("f"), StoredMarkup.Short("f") })
        {
            Assert.NotEmpty(StoredMarkup.LiveMarkup($"<html><body><h1>{payload}</h1></body></html>"));
            Assert.Empty(StoredMarkup.LiveMarkup($"<html><body><h1>{WebUtility.HtmlEncode(payload)}</h1></body></html>"));
        }
    }
}
