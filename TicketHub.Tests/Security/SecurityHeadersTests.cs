using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

/// <summary>Every response carries the security headers; cookies are Secure and host-only outside Development.</summary>
public sealed class SecurityHeadersTests() : ApiTest(DatabaseProvider.Sqlite)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/tickets/view-venues")]
    [InlineData("/api/users/login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await Anonymous.GetAsync(path, Ct);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task There_is_exactly_one_content_security_policy_on_an_interactive_page()
    {
        var response = await Anonymous.GetAsync("/events", Ct);

        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_api_reference_allows_only_its_own_inline_script_by_hash()
    {
        var response = await Anonymous.GetAsync("/api-docs/", Ct);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'unsafe-eval'", csp);
        Assert.DoesNotContain("'unsafe-inline'; ", csp.Split("style-src")[0]);
    }

    [Fact]
    public async Task Outside_development_the_antiforgery_cookie_is_secure_and_host_only()
    {
        var page = await App.CreateClient().GetAsync("/account/login", Ct);

        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith("__Host-TicketHub.Antiforgery=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_host_only_http_only_and_same_site()
    {
        await IndividualAsync("cookie2");
        var seen = new CookieCapture();
        var browser = App.CreateDefaultClient(new Uri("https://localhost"), new RedirectHandler(), new CookieContainerHandler(), seen);

        await PostFormAsync(browser, "/account/login", "login", new() { ["Input.Username"] = "cookie2", ["Input.Password"] = Password });

        var auth = Assert.Single(seen.SetCookies, c => c.StartsWith("__Host-TicketHub.Auth=", StringComparison.Ordinal));
        foreach (var attribute in new[] { "secure", "path=/", "httponly", "samesite=lax" })
            Assert.Contains(attribute, auth, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_ended_TLS_the_pages_work_and_cookies_stay_secure()
    {
        var viaProxy = App.CreateDefaultClient(new Uri("http://localhost")).From("10.0.0.5");
        viaProxy.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var page = await viaProxy.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(SetCookies(page), c => c.StartsWith("__Host-", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_sends_HSTS_and_development_style_test_runs_do_not()
    {
        await using var production = await TicketHubFactory.CreateAsync(DatabaseProvider.Sqlite, environment: "Production");
        var client = production.CreateDefaultClient(new Uri("https://tickethub.example"));

        var response = await client.GetAsync("/health/live", Ct);

        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"));
        Assert.False((await Anonymous.GetAsync("/health/live", Ct)).Headers.Contains("Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    // Sees every Set-Cookie header on the way back, including those of redirects the client follows.
    private sealed class CookieCapture : DelegatingHandler
    {
        public List<string> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            lock (SetCookies) SetCookies.AddRange(SecurityHeadersTests.SetCookies(response));
            return response;
        }
    }
}
