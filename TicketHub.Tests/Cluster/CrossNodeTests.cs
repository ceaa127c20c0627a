using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketHub.Domain.Data;
using TicketHub.Tests.Api;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Cluster;

/// <summary>Two nodes in this process over one database and one Redis, as the cluster runs them.</summary>
public sealed class CrossNodeOnSqlite() : CrossNodeTests(() => InProcessNodes.StartAsync(DatabaseProvider.Sqlite));
public sealed class CrossNodeOnPostgres() : CrossNodeTests(() => InProcessNodes.StartAsync(DatabaseProvider.Postgres));

/// <summary>
/// The two web nodes of <c>deploy/local-cluster</c>, addressed directly (not through HAProxy), so that each request
/// reaches the node the test names. deploy/cluster-tests runs these after <c>up</c>; without the cluster's
/// addresses in the environment they are skipped (./test.sh runs the in-process pairs above instead).
/// </summary>
[Collection(nameof(LocalClusterCollection))]
public sealed class CrossNodeOnLocalCluster() : CrossNodeTests(LocalClusterNodes.Start);

/// <summary>The specs against the one local cluster run one at a time: one of them kills and restarts a node.</summary>
[CollectionDefinition(nameof(LocalClusterCollection), DisableParallelization = true)]
public sealed class LocalClusterCollection;

/// <summary>What one node does, every other node sees: sign-ins, tokens, antiforgery tokens and cache evictions.</summary>
public abstract class CrossNodeTests(Func<Task<INodePair>> start) : IAsyncLifetime
{
    private const string Password = "correct-horse-1";
    private INodePair _nodes = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient NodeA => _nodes.A;
    private HttpClient NodeB => _nodes.B;

    public async ValueTask InitializeAsync() => _nodes = await start();

    public async ValueTask DisposeAsync()
    {
        if (_nodes is not null) await _nodes.DisposeAsync();
    }

    [Fact]
    public async Task A_token_issued_by_node_A_is_accepted_by_node_B()
    {
        var token = await SignUpAsync(NodeA, "individual");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tickets/view-tickets");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await NodeB.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_sign_in_on_node_A_is_signed_in_on_node_B()
    {
        var username = Unique("c");
        await SignUpAsync(NodeA, "individual", username);
        var browser = new CookieJar();
        var form = await LoginFormAsync(NodeA, browser);

        var signedIn = await PostLoginAsync(NodeA, browser, form, username);
        var myTickets = await NodeB.SendAsync(browser.Attach(new HttpRequestMessage(HttpMethod.Get, "/my/tickets")), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(browser.Has("TicketHub.Auth"), "the sign-in should have set the auth cookie");
        Assert.Equal(HttpStatusCode.OK, myTickets.StatusCode);   // a stranger would be sent to /account/login
    }

    [Fact]
    public async Task A_form_posted_to_node_B_with_node_A_antiforgery_token_is_accepted()
    {
        var username = Unique("f");
        await SignUpAsync(NodeA, "individual", username);
        var browser = new CookieJar();
        var form = await LoginFormAsync(NodeA, browser);

        var response = await PostLoginAsync(NodeB, browser, form, username);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);   // an antiforgery failure is a 400
        Assert.True(browser.Has("TicketHub.Auth"));
    }

    [Fact]
    public async Task A_venue_added_through_node_A_shows_in_view_venues_through_node_B_within_two_seconds()
    {
        var vendor = await SignUpAsync(NodeA, "vendor");
        var city = Unique("City");
        var query = $"/api/tickets/view-venues?city={city}";
        Assert.DoesNotContain("Cross Node Hall", await GetAsync(NodeB, query, vendor));   // node B now caches "none"

        using var add = new HttpRequestMessage(HttpMethod.Put, "/api/tickets/add-venue")
        {
            Content = JsonContent.Create(new
            {
                name = "Cross Node Hall", streetAddress = "1 Main St", city, state = (string?)null, country = "Germany",
                postalCode = "10115", addlAddress = (string?)null,
            }),
        };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", vendor);
        await (await NodeA.SendAsync(add, Ct)).EnsureOkAsync();

        // Without an eviction from node A, node B would answer from its memory level for CatalogSeconds (300 s).
        var clock = Stopwatch.StartNew();
        var seen = false;
        while (!seen && clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            seen = (await GetAsync(NodeB, query, vendor)).Contains("Cross Node Hall", StringComparison.Ordinal);
            if (!seen) await Task.Delay(50, Ct);
        }
        Assert.True(seen, $"node B still did not list the venue {clock.Elapsed.TotalSeconds:0.0} s after node A added it");
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..(14 - prefix.Length)];

    private static async Task<string> SignUpAsync(HttpClient node, string userType, string? username = null)
    {
        username ??= Unique(userType[..1]);
        var created = await node.PutAsJsonAsync("/api/users/create-user",
            new { username, firstName = "Cross", lastName = "Node", password = Password, userType }, Ct);
        await created.EnsureOkAsync();
        var login = await node.PostAsJsonAsync("/api/users/login", new { username, password = Password }, Ct);
        return (await login.ReadOkAsync<LoginBody>()).Token;
    }

    private static async Task<string> GetAsync(HttpClient node, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await node.SendAsync(request, Ct);
        await response.EnsureOkAsync();
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private sealed record LoginForm(string Handler, string AntiforgeryToken);

    private static async Task<LoginForm> LoginFormAsync(HttpClient node, CookieJar browser)
    {
        var page = await node.SendAsync(browser.Attach(new HttpRequestMessage(HttpMethod.Get, "/account/login")), Ct);
        await page.EnsureOkAsync();
        browser.Take(page);
        var html = await page.Content.ReadAsStringAsync(Ct);
        return new LoginForm(HiddenInput(html, "_handler"), HiddenInput(html, "__RequestVerificationToken"));
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient node, CookieJar browser, LoginForm form, string username)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = form.Handler,
                ["__RequestVerificationToken"] = form.AntiforgeryToken,
                ["Input.Username"] = username,
                ["Input.Password"] = Password,
            }),
        };
        var response = await node.SendAsync(browser.Attach(post), Ct);
        browser.Take(response);
        return response;
    }

    private static string HiddenInput(string html, string name)
    {
        var match = Regex.Match(html, $"""<input[^>]*name="{Regex.Escape(name)}"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*name="{Regex.Escape(name)}" """.TrimEnd());
        Assert.True(match.Success, $"the login form has no {name} field");
        return WebUtility.HtmlDecode(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
    }
}

/// <summary>Two web nodes of one cluster, each addressed on its own.</summary>
public interface INodePair : IAsyncDisposable
{
    HttpClient A { get; }
    HttpClient B { get; }
}

internal sealed class InProcessNodes(TicketHubFactory first, TicketHubFactory second) : INodePair
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new()
    {
        AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
    };

    public HttpClient A { get; } = first.CreateClient(NoRedirects);
    public HttpClient B { get; } = second.CreateClient(NoRedirects);

    public static async Task<INodePair> StartAsync(DatabaseProvider provider)
    {
        var first = await TicketHubFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = RedisCacheTests.Redis,
            ["Cache:KeyPrefix"] = $"cross-node-{Guid.NewGuid():N}:",   // this pair's own keys and backplane channel
        });
        return new InProcessNodes(first, first.CreateSecondNode());
    }

    public async ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        await second.DisposeAsync();
        await first.DisposeAsync();
    }
}

internal sealed class LocalClusterNodes(HttpClient a, HttpClient b) : INodePair
{
    public const string NodeAVariable = "TICKETHUB_CLUSTER_NODE_A";
    public const string NodeBVariable = "TICKETHUB_CLUSTER_NODE_B";

    public HttpClient A => a;
    public HttpClient B => b;

    public static Task<INodePair> Start()
    {
        var nodeA = Environment.GetEnvironmentVariable(NodeAVariable);
        var nodeB = Environment.GetEnvironmentVariable(NodeBVariable);
        Assert.SkipWhen(string.IsNullOrEmpty(nodeA) || string.IsNullOrEmpty(nodeB),
            $"{NodeAVariable}/{NodeBVariable} are not set: deploy/cluster-tests runs these against deploy/local-cluster.");
        return Task.FromResult<INodePair>(new LocalClusterNodes(Client(nodeA!), Client(nodeB!)));
    }

    // Plain http straight to the node, as HAProxy talks to it after ending TLS: the node trusts the loopback proxy's
    // X-Forwarded-Proto, so it treats the request as https (no redirect, Secure cookies).
    private static HttpClient Client(string address)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }

    public ValueTask DisposeAsync()
    {
        a.Dispose();
        b.Dispose();
        return ValueTask.CompletedTask;
    }
}
