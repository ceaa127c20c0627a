using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;
using TicketHub.Web.Hosting;

namespace TicketHub.Tests.Web;

/// <summary>Anonymous browse pages are rendered once and reused for a few seconds; signed-in visitors always get their own.</summary>
public sealed class AnonymousPageCacheTests() : ApiTest(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task A_second_anonymous_visit_is_served_from_the_page_cache_without_the_first_visitors_cookie()
    {
        var eventId = await EventAsync();

        var first = await Anonymous.GetAsync($"/events/{eventId}", Ct);
        var second = await Anonymous.GetAsync($"/events/{eventId}", Ct);

        Assert.Equal("miss", first.Headers.GetValues("X-Page-Cache").Single());
        Assert.Contains(first.Headers, h => h.Key == "Set-Cookie");   // the visitor who rendered it keeps their antiforgery cookie
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal("hit", second.Headers.GetValues("X-Page-Cache").Single());
        Assert.DoesNotContain(second.Headers, h => h.Key == "Set-Cookie");
        Assert.Equal("text/html; charset=utf-8", second.Content.Headers.ContentType?.ToString());
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_signed_in_visitor_always_gets_a_fresh_render()
    {
        var eventId = await EventAsync();
        await Anonymous.GetAsync($"/events/{eventId}", Ct);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/events/{eventId}");
        request.Headers.Add("Cookie", await SignedInCookieAsync("cached-buyer"));
        var response = await Anonymous.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Page-Cache"));
        Assert.Contains("cached-buyer", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Pages_that_are_not_marked_for_it_are_never_cached()
    {
        var response = await Anonymous.GetAsync("/account/login", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Page-Cache"));
    }

    [Fact]
    public async Task Different_query_strings_are_different_pages()
    {
        await Anonymous.GetAsync("/events?city=Austin", Ct);

        var other = await Anonymous.GetAsync("/events?city=Berlin", Ct);

        Assert.Equal("miss", other.Headers.GetValues("X-Page-Cache").Single());
    }

    [Fact]
    public async Task Query_parameters_the_page_does_not_read_make_no_new_entry()
    {
        await Anonymous.GetAsync("/events?city=Austin&utm_source=a", Ct);

        var other = await Anonymous.GetAsync("/events?utm_source=b&city=Austin&junk=1", Ct);

        Assert.Equal("hit", other.Headers.GetValues("X-Page-Cache").Single());
    }

    [Fact]
    public async Task A_value_longer_than_256_characters_is_never_cached()
    {
        var response = await Anonymous.GetAsync($"/events?city={new string('x', 257)}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Page-Cache"));
    }

    [Fact]
    public async Task Pages_link_the_theme_as_a_long_lived_stylesheet_instead_of_inlining_it()
    {
        var html = await Anonymous.GetStringAsync("/", Ct);
        var href = Regex.Match(html, "href=\"(/theme\\.css\\?v=[0-9a-f]+)\"").Groups[1].Value;

        var css = await Anonymous.GetAsync(href, Ct);

        Assert.DoesNotContain("mud-theme-provider", html);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", css.Headers.CacheControl?.ToString());
        Assert.Contains("--mud-palette-primary: rgba(91,60,196,1);", await css.Content.ReadAsStringAsync(Ct));   // TicketHubTheme's #5b3cc4
    }

    private async Task<string> EventAsync()
    {
        var vendor = await VendorAsync();
        return await AddEventAsync(vendor, await AddVenueAsync(vendor));
    }

    private async Task<string> SignedInCookieAsync(string username)
    {
        await SignUpAndLoginAsync(username, "individual");
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByNameAsync(username))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AuthClaims.AuthTime, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString()));
        var cookies = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = cookies.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        return $"{cookies.Cookie.Name}={ticket}";
    }
}
