using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;
using TicketHub.Web.Api.OpenApi;

namespace TicketHub.Tests.Api;

public sealed class ContractOnSqlite() : ContractTests(DatabaseProvider.Sqlite);

/// <summary>docs/api.md, /openapi/v1.json and the conformance check itself agree with each other.</summary>
public abstract partial class ContractTests(DatabaseProvider provider) : ApiTest(provider)
{
    private static string Guide => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "api.md"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TicketHub.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (TicketHub.sln) is not above the test binaries.");
    }

    [Fact]
    public async Task Every_route_of_the_guide_is_in_the_document_and_every_route_of_the_document_is_in_the_guide()
    {
        var document = await App.ContractAsync();
        var documented = document.Operations.Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").Order().ToArray();
        var guide = RouteRow().Matches(Guide).Select(m => $"{m.Groups["method"].Value} {m.Groups["path"].Value}").Order().ToArray();

        Assert.Equal(documented, guide);
    }

    [Fact]
    public async Task The_guide_lists_exactly_the_error_codes_of_the_problem_schema()
    {
        var document = await App.ContractAsync();
        var schemaCodes = document.Document["components"]!["schemas"]!["Problem"]!["properties"]!["code"]!["enum"]!.AsArray()
            .Select(c => (string)c!).Order().ToArray();
        var guideCodes = CodeRow().Matches(Guide).Select(m => m.Groups["code"].Value).Order().ToArray();

        Assert.Equal(ErrorCatalog.All.Order(), schemaCodes);
        Assert.Equal(schemaCodes, guideCodes);
    }

    [Fact]
    public async Task The_served_document_names_its_server_without_a_trailing_slash()
    {
        var document = await App.ContractAsync();

        var url = (string)document.Document["servers"]![0]!["url"]!;
        Assert.Matches("^https?://localhost$", url);   // the address the test client asked, with no slash to double
    }

    [Fact]
    public async Task A_string_where_a_number_belongs_is_a_400()
    {
        var buyer = await IndividualAsync();

        var response = await buyer.PostAsJsonAsync("/api/tickets/buy-ticket", new { ticketId = "any", count = "3" }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains("$.count", problem.Detail);
    }

    [Fact]
    public async Task The_conformance_check_catches_an_answer_that_departs_from_the_document()
    {
        var log = new ConformanceLog(ofTheApp: false);
        var wrongAnswer = new StubHandler(HttpStatusCode.OK, """{"id":42}""");   // add-venue answers {id: string}
        using var client = new HttpClient(new ConformanceHandler(App.ContractAsync, log) { InnerHandler = wrongAnswer })
        {
            BaseAddress = new Uri("http://localhost"),
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "any");

        await client.PutAsJsonAsync("/api/tickets/add-venue", new { name = "A", streetAddress = "B", city = "C", country = "D" }, Ct);

        Assert.Contains(log.Violations, v => v.Contains("add-venue") && v.Contains("/id"));
    }

    [Fact]
    public async Task The_conformance_check_catches_an_app_that_accepts_a_request_the_document_refuses()
    {
        var log = new ConformanceLog(ofTheApp: false);
        var acceptsAnything = new StubHandler(HttpStatusCode.OK, """{"orderId":"o","ticketId":"t","listingId":null,"count":3,"amount":3,"currency":"USD","status":"paid"}""");
        using var client = new HttpClient(new ConformanceHandler(App.ContractAsync, log) { InnerHandler = acceptsAnything })
        {
            BaseAddress = new Uri("http://localhost"),
        };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "any");

        await client.PostAsJsonAsync("/api/tickets/buy-ticket", new { ticketId = "t", count = "3" }, Ct);

        Assert.Contains(log.Violations, v => v.Contains("the document rejects this request") && v.Contains("/count"));
    }

    private sealed class StubHandler(HttpStatusCode status, string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
            });
    }

    // | operation | `METHOD /api/...` | in the routes table.
    [GeneratedRegex(@"^\| [a-z-]+ \| `(?<method>GET|PUT|POST|DELETE|PATCH) (?<path>/api/[^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex RouteRow();

    // | `code` | status | in the errors table.
    [GeneratedRegex(@"^\| `(?<code>[a-z_]+)` \| \d{3} \|", RegexOptions.Multiline)]
    private static partial Regex CodeRow();
}
