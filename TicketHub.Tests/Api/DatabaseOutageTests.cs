using System.Net;
using System.Net.Http.Json;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

/// <summary>While the primary is away (a failover takes seconds), requests get a quick 503 with Retry-After, not a hang or a 500.</summary>
public sealed class DatabaseOutageTests() : ApiTest(DatabaseProvider.Postgres)
{
    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["ConnectionStrings:TicketHub"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=gone;Timeout=2",   // nothing listens on port 1
    };

    [Fact]
    public async Task A_request_that_needs_the_database_gets_503_with_retry_after()
    {
        var response = await Anonymous.PostAsJsonAsync("/api/users/login", new { username = "someone", password = Password }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database_unavailable", problem.Code);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Readiness_reports_the_database_unhealthy()
    {
        var ready = await Anonymous.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(Ct));
    }
}

/// <summary>
/// The primary away, the replica (the synchronous standby, soon promoted) answering: a node keeps serving signed-in
/// browsing from the replica and says Degraded, so the load balancer keeps it.
/// </summary>
public sealed class PrimaryOutageWithReplicaTests() : ApiTest(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Signed_in_browsing_keeps_answering_from_the_replica_and_ready_says_degraded()
    {
        var vendor = await VendorAsync();
        await AddEventAsync(vendor, await AddVenueAsync(vendor, city: "Replica City"));
        var token = vendor.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var primaryAway = App.CreateSecondNode(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TicketHub"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=gone;Timeout=2",
            ["ConnectionStrings:TicketHubReplica"] = App.Database.ConnectionString,
        });

        var events = await primaryAway.CreateClientWithToken(token).GetAsync("/api/tickets/view-events?city=Replica City", Ct);
        var ready = await primaryAway.CreateClient().GetAsync("/health/ready", Ct);

        Assert.Contains("Replica City", await events.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync(Ct));
    }
}
