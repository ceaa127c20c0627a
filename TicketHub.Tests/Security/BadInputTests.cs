using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class BadInputOnSqlite() : BadInputTests(DatabaseProvider.Sqlite);
public sealed class BadInputOnPostgres() : BadInputTests(DatabaseProvider.Postgres);

/// <summary>
/// Thousands of generated requests that docs/api.md rules out (see <see cref="MalformedRequests"/>), over every route:
/// each gets a 4xx with problem details and a code, none a 5xx, and the database is the same after each as before.
/// </summary>
public abstract class BadInputTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const int Seed = 20261130;
    private const int RandomMixes = 400;

    [Fact]
    public async Task Every_malformed_request_gets_a_4xx_problem_and_changes_nothing()
    {
        var (targets, vendor, individual) = await MarketplaceAsync();
        var requests = MalformedRequests.Generate(targets, Seed, RandomMixes);
        var findings = new List<string>();
        var serverErrors = 0;
        var stateChanges = 0;

        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        foreach (var malformed in requests)
        {
            var client = malformed.Sender switch { Sender.Vendor => vendor, Sender.Individual => individual, _ => Anonymous };
            using var request = malformed.ToRequest();
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var status = (int)response.StatusCode;

            if (status >= 500) serverErrors++;
            if (status is < 400 or >= 500) findings.Add($"{status} for {malformed}: {Shorten(body)}");
            else if (ProblemCode(response, body) is null) findings.Add($"{status} without a problem code for {malformed}: {Shorten(body)}");

            var after = await DatabaseSnapshot.TakeAsync(App.Database);
            if (before.Differences(after) is { Count: > 0 } changes)
            {
                stateChanges++;
                findings.Add($"state changed by {malformed} ({status}): {changes[0]}");
                before = after;
            }
        }

        // Refused requests are audited too, with what they sent: the writer must have stored every entry.
        await FlushAuditAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{requests.Count} malformed requests tried, {serverErrors} answered 5xx, {stateChanges} changed the database.");
        Assert.True(requests.Count >= 2_000, $"Only {requests.Count} requests were generated.");
        Assert.True(findings.Count == 0, $"{findings.Count} of {requests.Count} malformed requests were mishandled:\n{string.Join("\n", findings.Take(60))}");
    }

    [Fact]
    public async Task A_refusal_is_audited_with_its_control_characters_cleaned_and_the_audit_log_keeps_working()
    {
        var (_, vendor, _) = await MarketplaceAsync();

        await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "a\u0000b", password = "whatever-it-is" }, Ct);
        await vendor.PutAsJsonAsync("/api/tickets/upload-ticket", new { eventId = "e\u0000\u001b[2J", count = 1, seat = "A", price = 1 }, Ct);
        await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "after", password = "whatever-it-is" }, Ct);

        var entries = await FlushAuditAsync();
        Assert.Contains(entries, e => e is { Action: AuditActions.SignIn, ActorName: "a\uFFFDb" });
        Assert.Contains(entries, e => e is { Action: AuditActions.TicketsUploaded, TargetId: "e\uFFFD\uFFFD[2J", Detail: "validation_failed" });
        Assert.Contains(entries, e => e is { Action: AuditActions.SignIn, ActorName: "after" });
    }

    [Fact]
    public void The_same_seed_generates_the_same_requests()
    {
        var targets = new Targets("buyer1", "venue00000001", "perf000000001", "event00000001", "lot0000000001", "list000000001", "order00000001",
            new DateTimeOffset(2030, 6, 1, 19, 30, 0, TimeSpan.Zero));

        var first = MalformedRequests.Generate(targets, Seed, RandomMixes).Select(r => r.ToString()).ToList();
        var second = MalformedRequests.Generate(targets, Seed, RandomMixes).Select(r => r.ToString()).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, MalformedRequests.Generate(targets, Seed + 1, RandomMixes).Select(r => r.ToString()));
    }

    [Fact]
    public async Task The_checks_catch_a_request_that_is_not_malformed()
    {
        // The negative control: the same checks on a request that is fine must report it (200 and a change).
        var (targets, vendor, _) = await MarketplaceAsync();
        var before = await DatabaseSnapshot.TakeAsync(App.Database);

        var response = await vendor.PutAsJsonAsync("/api/tickets/add-performer", new { name = "A Fine Act" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(ProblemCode(response, await response.Content.ReadAsStringAsync(Ct)));
        Assert.NotEmpty(before.Differences(await DatabaseSnapshot.TakeAsync(App.Database)));
        Assert.False(string.IsNullOrEmpty(targets.EventId));
    }

    private static readonly (HttpMethod Method, string Path)[] BodyRoutes =
    [
        (HttpMethod.Put, "/api/users/create-user"), (HttpMethod.Post, "/api/users/login"), (HttpMethod.Put, "/api/tickets/add-venue"),
        (HttpMethod.Put, "/api/tickets/add-performer"), (HttpMethod.Put, "/api/tickets/add-event"), (HttpMethod.Put, "/api/tickets/add-performer-to-event"),
        (HttpMethod.Put, "/api/tickets/upload-ticket"), (HttpMethod.Post, "/api/tickets/buy-ticket"), (HttpMethod.Post, "/api/tickets/sell-ticket"),
    ];

    [Fact]
    public async Task A_body_past_the_one_megabyte_limit_is_413_payload_too_large_on_a_real_server()
    {
        // The in-process test server enforces no body size; Kestrel does, with the limit of appsettings.json.
        await using var app = await TicketHubFactory.CreateAsync(Provider);
        app.UseKestrel(0);
        app.StartServer();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        // Expect: 100-continue, so the body is sent only if the server asks for it: a refusal is read before any of it
        // is written, never raced by a broken pipe.
        var sockets = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(new ConformanceHandler(app.ContractAsync, app.Conformance) { InnerHandler = sockets })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var tokens = new Dictionary<string, string>
        {
            ["vendor"] = await TokenAsync(client, "bigvendor", "vendor"),
            ["individual"] = await TokenAsync(client, "bigbuyer", "individual"),
        };
        var before = await DatabaseSnapshot.TakeAsync(app.Database);
        // A valid-looking body whose one member is 1.5 MB: only its size is wrong.
        var body = Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('x', 1_500_000)}\",\"username\":\"bigbody2\"}}");

        foreach (var (method, path) in BodyRoutes)
        {
            using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.ExpectContinue = true;
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[path.Contains("-ticket") && !path.Contains("upload") ? "individual" : "vendor"]);

            using var response = await client.SendAsync(request, Ct);

            Assert.Equal("payload_too_large", (await response.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge)).Code);
        }
        Assert.Empty(before.Differences(await DatabaseSnapshot.TakeAsync(app.Database)));
        Assert.Empty(app.Conformance.Violations);
    }

    private static async Task<string> TokenAsync(HttpClient client, string username, string userType)
    {
        await (await client.PutAsJsonAsync("/api/users/create-user",
            new { username, firstName = "Big", lastName = "Body", password = Password, userType }, Ct)).EnsureOkAsync();
        var login = await client.PostAsJsonAsync("/api/users/login", new { username, password = Password }, Ct);
        return (await login.ReadOkAsync<LoginBody>()).Token;
    }

    /// <summary>A vendor's event with a lot on sale, and a buyer holding two of it with one more listed for resale.</summary>
    private async Task<(Targets Targets, HttpClient Vendor, HttpClient Individual)> MarketplaceAsync()
    {
        var (vendor, eventId) = await VendorWithEventAsync();
        var venueId = JsonDocument.Parse(await vendor.GetStringAsync($"/api/tickets/view-events", Ct)).RootElement[0].GetProperty("venue").GetProperty("id").GetString()!;
        var performerId = await AddPerformerAsync(vendor, "Bad Input Band");
        var lot = await UploadAsync(vendor, eventId, count: 50);
        var individual = await IndividualAsync();
        var order = JsonDocument.Parse(await (await BuyAsync(individual, lot, 3)).Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("orderId").GetString()!;
        var listing = JsonDocument.Parse(await (await SellAsync(individual, lot, 1)).Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("listingId").GetString()!;
        return (new Targets("buyer1", venueId, performerId, eventId, lot, listing, order, DateTimeOffset.UtcNow.AddDays(60)), vendor, individual);
    }

    // A stalled writer (an entry the database refuses is retried for ever) never completes a flush: the timeout turns
    // that hang into a failure that says so.
    private async Task<List<AuditEntry>> FlushAuditAsync()
    {
        await App.Services.GetRequiredService<AuditWriter>().FlushAsync(Ct).WaitAsync(TimeSpan.FromMinutes(2), Ct);
        await using var db = App.Database.CreateContext();
        return await db.AuditEntries.AsNoTracking().ToListAsync(Ct);
    }

    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
