using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class AuthorizationOnSqlite() : AuthorizationTests(DatabaseProvider.Sqlite);
public sealed class AuthorizationOnPostgres() : AuthorizationTests(DatabaseProvider.Postgres);

public abstract class AuthorizationTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Fact]
    public async Task Ticket_routes_without_a_token_answer_401_with_a_problem()
    {
        var response = await Anonymous.GetAsync("/api/tickets/view-venues", Ct);

        Assert.Equal("unauthorized", (await response.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_valid_browser_cookie_never_authorises_an_api_call()
    {
        var cookies = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "someone"), new Claim(ClaimTypes.Role, "Vendor")], IdentityConstants.ApplicationScheme));
        var ticket = cookies.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/view-venues");
        request.Headers.Add("Cookie", $"{cookies.Cookie.Name}={ticket}");

        var response = await Anonymous.SendAsync(request, Ct);

        await response.ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_individual_adding_a_venue_is_403()
    {
        var buyer = await IndividualAsync();

        var response = await buyer.PutAsJsonAsync("/api/tickets/add-venue",
            new { name = "Mine", streetAddress = "1 St", city = "Austin", country = "US" }, Ct);

        Assert.Equal("forbidden", (await response.ReadProblemAsync(HttpStatusCode.Forbidden)).Code);
        await using var db = App.Database.CreateContext();
        Assert.Empty(db.Venues);
    }

    [Theory]
    [InlineData("/api/tickets/add-performer")]
    [InlineData("/api/tickets/add-event")]
    [InlineData("/api/tickets/add-performer-to-event")]
    public async Task Individuals_cannot_use_vendor_routes(string route)
    {
        var buyer = await IndividualAsync();

        var response = await buyer.PutAsJsonAsync(route, new { name = "x" }, Ct);

        await response.ReadProblemAsync(HttpStatusCode.Forbidden);
    }
}
