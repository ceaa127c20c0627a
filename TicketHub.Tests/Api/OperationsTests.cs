using System.Net;
using System.Text.Json;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class OperationsOnSqlite() : OperationsTests(DatabaseProvider.Sqlite);
public sealed class OperationsOnPostgres() : OperationsTests(DatabaseProvider.Postgres);

public abstract class OperationsTests(DatabaseProvider provider) : ApiTest(provider)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200(string path)
    {
        var response = await Anonymous.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_openapi_document_describes_every_route_with_bearer_security_on_ticket_routes_and_none_on_account_routes()
    {
        using var doc = JsonDocument.Parse(await Anonymous.GetStringAsync("/openapi/v1.json", Ct));
        var paths = doc.RootElement.GetProperty("paths");

        var expected = new (string Path, string Method, bool Secured)[]
        {
            ("/api/users/create-user", "put", false),
            ("/api/users/login", "post", false),
            ("/api/tickets/view-venues", "get", true),
            ("/api/tickets/add-venue", "put", true),
            ("/api/tickets/add-performer", "put", true),
            ("/api/tickets/add-event", "put", true),
            ("/api/tickets/view-events", "get", true),
            ("/api/tickets/add-performer-to-event", "put", true),
            ("/api/tickets/view-tickets", "get", true),
            ("/api/tickets/upload-ticket", "put", true),
            ("/api/tickets/remove-ticket", "delete", true),
            ("/api/tickets/view-listings", "get", true),
            ("/api/tickets/buy-ticket", "post", true),
            ("/api/tickets/sell-ticket", "post", true),
            ("/api/tickets/cancel-listing", "delete", true),
            ("/api/tickets/view-orders", "get", true),
            ("/api/tickets/view-order", "get", true),
        };
        foreach (var (path, method, secured) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing");
            var security = item.GetProperty(method).GetProperty("security");
            Assert.Equal(secured, security.GetArrayLength() > 0);   // anonymous operations say so with security: []
        }
        Assert.True(doc.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task The_view_events_parameters_use_the_contract_names()
    {
        using var doc = JsonDocument.Parse(await Anonymous.GetStringAsync("/openapi/v1.json", Ct));
        var parameters = doc.RootElement.GetProperty("paths").GetProperty("/api/tickets/view-events").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString()).ToArray();

        Assert.Equal(["venue-id", "performer-id", "start_time", "end_time", "city", "state", "country", "postal-code", "page", "page-size"], parameters);
    }

    [Fact]
    public async Task The_interactive_api_reference_is_served()
    {
        var response = await Anonymous.GetAsync("/api-docs/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        var response = await Anonymous.GetAsync("/api/users/nothing-here", Ct);

        Assert.Equal("not_found", (await response.ReadProblemAsync(HttpStatusCode.NotFound)).Code);
    }
}
