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
