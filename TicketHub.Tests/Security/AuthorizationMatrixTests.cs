using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Security;

public sealed class AuthorizationMatrixOnSqlite() : AuthorizationMatrixTests(DatabaseProvider.Sqlite);
public sealed class AuthorizationMatrixOnPostgres() : AuthorizationMatrixTests(DatabaseProvider.Postgres);

/// <summary>
/// Every REST route and every protected page, called by every kind of caller, gets what docs/api.md (and, for pages,
/// the page's audience) promises. "Another" individual or vendor acts on the first one's listing, order, event or lot.
/// Every refused call leaves every table as it was (a snapshot before and after); every read does too, and every
/// write that is allowed does change something, so the snapshot is seen to work.
/// </summary>
public abstract partial class AuthorizationMatrixTests(DatabaseProvider provider) : ApiTest(provider)
{
    private const string AdminName = "matrix-admin";
    private const string AdminPassword = "an-admin-passphrase-7";

    protected override IDictionary<string, string?>? Settings() => new Dictionary<string, string?>
    {
        ["Vendors:AutoApprove"] = "false",
        ["Admin:Username"] = AdminName,
        ["Admin:Password"] = AdminPassword,
    };

    public enum Caller { Anonymous, Individual, AnotherIndividual, Vendor, AnotherVendor, PendingVendor, Admin, ExpiredToken, DisabledAccount }

    /// <summary>What a cell expects: a status, the problem's code when it is refused, and whether the database changes.</summary>
    public sealed record Answer(HttpStatusCode Status, string? Code = null, bool Changes = false, bool EmptyList = false)
    {
        public bool Refused => Status != HttpStatusCode.OK;

        public override string ToString() => Refused ? $"{(int)Status} {Code}" : $"200{(Changes ? " (writes)" : "")}{(EmptyList ? " []" : "")}";
    }

    private static readonly Answer Reads = new(HttpStatusCode.OK);
    private static readonly Answer Writes = new(HttpStatusCode.OK, Changes: true);
    private static readonly Answer OwnEmptyList = new(HttpStatusCode.OK, EmptyList: true);   // its own list, empty: none of the first one's
    private static readonly Answer NoToken = new(HttpStatusCode.Unauthorized, "unauthorized");
    private static readonly Answer WrongRole = new(HttpStatusCode.Forbidden, "forbidden");
    private static readonly Answer NotOwner = new(HttpStatusCode.Forbidden, "not_owner");
    private static readonly Answer NotApproved = new(HttpStatusCode.Forbidden, "vendor_not_approved");
    private static readonly Answer Disabled = new(HttpStatusCode.Forbidden, "account_disabled");
    private static readonly Answer NotFound = new(HttpStatusCode.BadRequest, "not_found");

    /// <summary>
    /// docs/api.md, route by route. Columns: anonymous, individual, another individual, vendor, another vendor, pending
    /// vendor, admin, expired token, disabled account. The expired and disabled tokens belong to an account of the
    /// route's audience acting on its own things, so only the expiry or the disabling can be what refuses them.
    /// Venues and performers are a shared catalogue: any approved vendor may add an event at any venue.
    /// </summary>
    public static readonly IReadOnlyList<(string Operation, Answer[] Answers)> Routes =
    [
        ("create-user",            [Writes, Writes, Writes, Writes, Writes, Writes, Writes, Writes, Writes]),
        ("login",                  [Reads, Reads, Reads, Reads, Reads, Reads, Reads, Reads, Disabled]),
        ("view-venues",            [NoToken, Reads, Reads, Reads, Reads, Reads, Reads, NoToken, NoToken]),
        ("add-venue",              [NoToken, WrongRole, WrongRole, Writes, Writes, NotApproved, WrongRole, NoToken, NoToken]),
        ("add-performer",          [NoToken, WrongRole, WrongRole, Writes, Writes, NotApproved, WrongRole, NoToken, NoToken]),
        ("add-event",              [NoToken, WrongRole, WrongRole, Writes, Writes, NotApproved, WrongRole, NoToken, NoToken]),
        ("view-events",            [NoToken, Reads, Reads, Reads, Reads, Reads, Reads, NoToken, NoToken]),
        ("add-performer-to-event", [NoToken, WrongRole, WrongRole, Writes, NotOwner, NotApproved, WrongRole, NoToken, NoToken]),
        ("view-tickets",           [NoToken, Reads, OwnEmptyList, Reads, OwnEmptyList, OwnEmptyList, OwnEmptyList, NoToken, NoToken]),
        ("upload-ticket",          [NoToken, WrongRole, WrongRole, Writes, NotOwner, NotApproved, WrongRole, NoToken, NoToken]),
        ("remove-ticket",          [NoToken, WrongRole, WrongRole, Writes, NotOwner, NotApproved, WrongRole, NoToken, NoToken]),
        ("view-listings",          [NoToken, Reads, Reads, Reads, Reads, Reads, Reads, NoToken, NoToken]),
        ("buy-ticket",             [NoToken, Writes, Writes, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("sell-ticket",            [NoToken, Writes, NotOwner, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("cancel-listing",         [NoToken, Writes, NotOwner, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("view-orders",            [NoToken, Reads, OwnEmptyList, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("view-order",             [NoToken, Reads, NotFound, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("view-e-tickets",         [NoToken, Reads, OwnEmptyList, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
        ("check-in",               [NoToken, WrongRole, WrongRole, Writes, NotOwner, NotApproved, WrongRole, NoToken, NoToken]),
        ("view-revoked-codes",     [NoToken, WrongRole, WrongRole, Reads, NotOwner, NotApproved, WrongRole, NoToken, NoToken]),
        // The event has no waiting room: joining says no pass is needed and writes nothing.
        ("join-queue",             [NoToken, Reads, Reads, WrongRole, WrongRole, WrongRole, WrongRole, NoToken, NoToken]),
    ];

    private static readonly string[] VendorOperations =
        ["add-venue", "add-performer", "add-event", "add-performer-to-event", "upload-ticket", "remove-ticket", "check-in", "view-revoked-codes"];

    [Fact]
    public async Task The_matrix_covers_every_documented_route_and_every_caller()
    {
        var documented = (await App.ContractAsync()).Operations.Select(o => (string)o.Operation["operationId"]!).Order().ToArray();

        Assert.Equal(documented, Routes.Select(r => r.Operation).Order().ToArray());
        Assert.All(Routes, r => Assert.Equal(Enum.GetValues<Caller>().Length, r.Answers.Length));
    }

    [Fact]
    public async Task Every_route_answers_every_caller_as_documented_and_a_refusal_changes_nothing()
    {
        var world = await BuildWorldAsync();
        await world.DisableAsync(world.DisabledIndividual);
        var cells = Routes.SelectMany(r => Enum.GetValues<Caller>().Select(c => (r.Operation, Caller: c, Answer: r.Answers[(int)c]))).ToList();
        var failures = new List<string>();

        // Refusals and reads first, on the world as built; then the allowed writes, whose order keeps each one possible.
        foreach (var (operation, caller, answer) in cells.Where(c => !c.Answer.Changes).Concat(cells.Where(c => c.Answer.Changes)))
        {
            var before = await DatabaseSnapshot.TakeAsync(App.Database);
            using var response = await world.Client(caller, operation).SendAsync(world.Request(operation, caller), Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            var changes = before.Differences(await DatabaseSnapshot.TakeAsync(App.Database));

            if (Mismatch(response, body, answer) is { } wrong) failures.Add($"{operation} as {caller}: expected {answer}, {wrong}");
            if (!answer.Changes && changes.Count > 0)
                failures.Add($"{operation} as {caller} ({(int)response.StatusCode}) changed the database:\n    {string.Join("\n    ", changes.Take(5))}");
            if (answer.Changes && changes.Count == 0) failures.Add($"{operation} as {caller} answered 200 but wrote nothing");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{cells.Count} route cells checked, {cells.Count(c => c.Answer.Refused)} of them refusals.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} cells departed from docs/api.md:\n{string.Join("\n", failures)}");
    }

    private static string? Mismatch(HttpResponseMessage response, string body, Answer answer)
    {
        if (response.StatusCode != answer.Status) return $"got {(int)response.StatusCode}: {body}";
        if (answer.Refused)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return $"got a {response.Content.Headers.ContentType} body: {body}";
            var code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
            return code == answer.Code ? null : $"got code {code}: {body}";
        }
        return answer.EmptyList && body != "[]" ? $"got someone else's data: {body}" : null;
    }

    public static readonly IReadOnlyList<string> PagesUnderTest =
    [
        "/vendor",
        "/vendor/venues",
        "/vendor/performers",
        "/vendor/events",
        "/vendor/events/{event}",
        "/admin/vendors",
        "/admin/accounts",
        "/admin/audit",
        "/my/tickets",
        "/my/orders",
        "/checkout?ticket={lot}&count=1",
        "/orders/{order}",
        "/my/tickets/{unit}",
        "/events/{event}/queue",
        "/vendor/events/{event}/check-in",
        "/account/change-password",
    ];

    private const string ToLogin = "→ /account/login";
    private const string Denied = "→ /account/access-denied";

    /// <summary>
    /// The page each browser gets, row by row as <see cref="PagesUnderTest"/>: its heading, or where it is sent.
    /// Columns: anonymous, individual, another individual, vendor, another vendor, pending vendor, admin, a disabled
    /// account's cookie. Another vendor's event and another buyer's order read as unavailable, never as theirs.
    /// </summary>
    public static readonly IReadOnlyList<string[]> PageAnswers =
    [
        [ToLogin, Denied, Denied, "Vendor dashboard", "Vendor dashboard", Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, "Venues", "Venues", Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, "Performers", "Performers", Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, "Your events", "Your events", Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, "Matrix Night", "Event not available", Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, Denied, Denied, Denied, "Vendor approvals", ToLogin],
        [ToLogin, Denied, Denied, Denied, Denied, Denied, "Accounts", ToLogin],
        [ToLogin, Denied, Denied, Denied, Denied, Denied, "Audit log", ToLogin],
        [ToLogin, "My tickets", "My tickets", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, "My orders", "My orders", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, "Checkout", "Checkout", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, "You're going!", "Order not found", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, "Matrix Night", "Ticket not available", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, "Waiting room", "Waiting room", Denied, Denied, Denied, Denied, ToLogin],
        [ToLogin, Denied, Denied, "Check-in", "Event not available", Denied, Denied, ToLogin],
        [ToLogin, "Change password", "Change password", "Change password", "Change password", "Change password", "Change password", ToLogin],
    ];

    private static readonly Caller[] PageCallers =
        [Caller.Anonymous, Caller.Individual, Caller.AnotherIndividual, Caller.Vendor, Caller.AnotherVendor, Caller.PendingVendor, Caller.Admin, Caller.DisabledAccount];

    [Fact]
    public void The_page_matrix_covers_every_page_that_requires_a_signed_in_account()
    {
        static string Template(string path) => PathParameter().Replace(path.Split('?')[0], "{}");
        var protectedPages = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true))
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Select(r => Template(((Microsoft.AspNetCore.Components.RouteAttribute)r).Template)).Order().ToArray();

        Assert.NotEmpty(protectedPages);
        Assert.Equal(protectedPages, PagesUnderTest.Select(Template).Order().ToArray());
        Assert.All(PageAnswers, row => Assert.Equal(PageCallers.Length, row.Length));
        Assert.Equal(PagesUnderTest.Count, PageAnswers.Count);
    }

    [GeneratedRegex("\\{[^}]*\\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Every_protected_page_shows_itself_to_its_audience_and_sends_everyone_else_to_log_in_or_access_denied()
    {
        var world = await BuildWorldAsync();
        var browsers = new Dictionary<Caller, HttpClient> { [Caller.Anonymous] = Browser() };
        foreach (var caller in PageCallers.Where(c => c != Caller.Anonymous)) browsers[caller] = await SignedInBrowserAsync(world.Username(caller));
        await world.DisableAsync(world.DisabledIndividual);   // after its browser signed in: the cookie it holds must stop working
        var failures = new List<string>();
        var cells = 0;

        for (var p = 0; p < PagesUnderTest.Count; p++)
        {
            var path = PagesUnderTest[p].Replace("{event}", world.First.EventId).Replace("{lot}", world.First.LotId)
                .Replace("{order}", world.First.OrderId).Replace("{unit}", world.First.UnitId);
            for (var c = 0; c < PageCallers.Length; c++)
            {
                cells++;
                var expected = PageAnswers[p][c];
                var before = await DatabaseSnapshot.TakeAsync(App.Database);
                using var response = await browsers[PageCallers[c]].GetAsync(path, Ct);
                var got = await DescribeAsync(response);
                if (got != expected) failures.Add($"{path} as {PageCallers[c]}: expected {expected}, got {got}");
                if (expected.StartsWith('→') && before.Differences(await DatabaseSnapshot.TakeAsync(App.Database)) is { Count: > 0 } changes)
                    failures.Add($"{path} as {PageCallers[c]} changed the database: {changes[0]}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{cells} page cells checked.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} page cells are wrong:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public async Task A_pending_vendor_sent_to_access_denied_is_told_it_awaits_approval()
    {
        var world = await BuildWorldAsync();
        var pending = await SignedInBrowserAsync(world.Username(Caller.PendingVendor));
        var individual = await SignedInBrowserAsync(world.Username(Caller.Individual));

        var pendingPage = await pending.GetStringAsync("/account/access-denied", Ct);
        var individualPage = await individual.GetStringAsync("/account/access-denied", Ct);

        Assert.Contains("id=\"vendor-pending\"", pendingPage);
        Assert.DoesNotContain("id=\"vendor-pending\"", individualPage);
        Assert.Contains("not available to your account type", individualPage);
    }

    [Fact]
    public async Task The_snapshot_sees_a_change_to_any_table_even_one_within_the_same_second()
    {
        var world = await BuildWorldAsync();
        var before = await DatabaseSnapshot.TakeAsync(App.Database);
        var again = await DatabaseSnapshot.TakeAsync(App.Database);
        await using (var db = App.Database.CreateContext())
            await db.Users.Where(u => u.UserName == world.Username(Caller.Individual)).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 1), Ct);
        var afterUsers = await DatabaseSnapshot.TakeAsync(App.Database);
        await using (var db = App.Database.CreateContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Id == world.First.OrderId, Ct);
            order.UpdatedAtUtc = order.UpdatedAtUtc.AddMilliseconds(order.UpdatedAtUtc.Millisecond < 500 ? 1 : -1);   // the same second
            await db.SaveChangesAsync(Ct);
        }
        var afterOrders = await DatabaseSnapshot.TakeAsync(App.Database);

        Assert.True(before.RowCount > 20, $"The world holds only {before.RowCount} rows.");
        Assert.Empty(before.Differences(again));
        Assert.Contains(before.Differences(afterUsers), d => d.StartsWith("AspNetUsers", StringComparison.Ordinal));
        Assert.Contains(afterUsers.Differences(afterOrders), d => d.StartsWith("Orders", StringComparison.Ordinal));
    }

    private HttpClient Browser() => App.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = true,
    });

    private async Task<HttpClient> SignedInBrowserAsync(string username)
    {
        var browser = Browser();
        var password = username == AdminName ? AdminPassword : Password;
        var response = await PostFormAsync(browser, "/account/login", "login", new() { ["Input.Username"] = username, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in {username} answered {(int)response.StatusCode}.");
        return browser;
    }

    // "→ path" for a redirect, the page's first heading otherwise.
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return $"→ {response.Headers.Location?.AbsolutePath}";
        if (response.StatusCode != HttpStatusCode.OK) return $"{(int)response.StatusCode}";
        var heading = FirstHeading().Match(await response.Content.ReadAsStringAsync());
        return heading.Success ? WebUtility.HtmlDecode(heading.Groups[1].Value.Trim()) : "a page with no heading";
    }

    [GeneratedRegex("<h1[^>]*>([^<]*)</h1>")]
    private static partial Regex FirstHeading();

    // ---- The world every cell acts in ----

    public sealed record Things(
        string VenueId, string PerformerId, string SecondPerformerId, string EventId, string LotId, string? ListingId, string? OrderId,
        string? UnitId = null, string? TicketCode = null);

    private sealed record Account(string Username, string Password, string Token, string UserId);

    private async Task<World> BuildWorldAsync()
    {
        var world = new World(this);
        world.Admin = await LoginAsync(AdminName, AdminPassword);
        world.Vendor = await ApprovedVendorAsync("vendor-a");
        world.AnotherVendor = await ApprovedVendorAsync("vendor-b");
        world.DisabledVendor = await ApprovedVendorAsync("vendor-x");
        world.PendingVendor = await AccountAsync("vendor-p", "vendor");
        world.Individual = await AccountAsync("buyer-a", "individual");
        world.AnotherIndividual = await AccountAsync("buyer-b", "individual");
        world.DisabledIndividual = await AccountAsync("buyer-x", "individual");

        world.First = await CatalogueAsync(world.Vendor, "Matrix Night");
        world.OfTheDisabledVendor = await CatalogueAsync(world.DisabledVendor, "Closed Night");
        world.First = await TradeAsync(world.Individual, world.First, bought: 4, listed: 2);
        world.OfTheDisabledIndividual = await TradeAsync(world.DisabledIndividual, world.First, bought: 2, listed: 1);

        world.ExpiredVendorToken = Reissued(world.Vendor.Token, TimeSpan.FromHours(-1));
        world.ExpiredIndividualToken = Reissued(world.Individual.Token, TimeSpan.FromHours(-1));
        // The control: the same claims reissued to expire later are accepted, so only the expiry refuses the others.
        await (await App.CreateClientWithToken(Reissued(world.Vendor.Token, TimeSpan.FromMinutes(30))).GetAsync("/api/tickets/view-tickets", Ct)).EnsureOkAsync();
        await (await App.CreateClientWithToken(Reissued(world.Individual.Token, TimeSpan.FromMinutes(30))).GetAsync("/api/tickets/view-orders", Ct)).EnsureOkAsync();

        await world.DisableAsync(world.DisabledVendor);
        return world;
    }

    private async Task<Account> LoginAsync(string username, string password)
    {
        var login = await Anonymous.PostAsJsonAsync("/api/users/login", new { username, password }, Ct);
        var token = (await login.ReadOkAsync<LoginBody>()).Token;
        await using var db = App.Database.CreateContext();
        var id = await db.Users.Where(u => u.NormalizedUserName == username.ToUpperInvariant()).Select(u => u.Id).SingleAsync(Ct);
        return new Account(username, password, token, id);
    }

    private async Task<Account> AccountAsync(string username, string userType)
    {
        await SignUpAndLoginAsync(username, userType);
        return await LoginAsync(username, Password);
    }

    private async Task<Account> ApprovedVendorAsync(string username)
    {
        var vendor = await AccountAsync(username, "vendor");
        await using var scope = App.Services.CreateAsyncScope();
        var approved = await scope.ServiceProvider.GetRequiredService<AccountAdminService>().ApproveVendorAsync(null, vendor.UserId, Ct);
        Assert.True(approved.IsSuccess, approved.Error?.Message);
        return vendor;
    }

    private async Task<Things> CatalogueAsync(Account vendor, string eventName)
    {
        var client = App.CreateClientWithToken(vendor.Token);
        var venue = await AddVenueAsync(client, $"{eventName} Hall");
        var performer = await AddPerformerAsync(client, $"{eventName} Band");
        var second = await AddPerformerAsync(client, $"{eventName} Guest");
        var eventId = await AddEventAsync(client, venue, performerIds: [performer], name: eventName);
        var lot = await UploadAsync(client, eventId, count: 100);
        return new Things(venue, performer, second, eventId, lot, null, null);
    }

    private async Task<Things> TradeAsync(Account buyer, Things of, int bought, int listed)
    {
        var client = App.CreateClientWithToken(buyer.Token);
        var order = await (await BuyAsync(client, of.LotId, bought)).ReadOkAsync<OrderBody>();
        var listing = await (await SellAsync(client, of.LotId, listed)).ReadOkAsync<ListingBody>();
        // The last: sell-ticket, allowed later in the run, lists the first (units are taken in id order), revoking its code.
        var ticket = (await (await client.GetAsync("/api/tickets/view-e-tickets", Ct)).ReadOkAsync<ETicketBody[]>()).Last();
        return of with { ListingId = listing.ListingId, OrderId = order.OrderId, UnitId = ticket.UnitId, TicketCode = ticket.Code };
    }

    private sealed record OrderBody(string OrderId);
    private sealed record ListingBody(string ListingId);
    private sealed record ETicketBody(string UnitId, string Code);

    /// <summary>The same claims as a real token, signed with the app's key, expiring <paramref name="from"/> now.</summary>
    private string Reissued(string token, TimeSpan from)
    {
        var real = new JsonWebToken(token);
        var registered = new HashSet<string> { "exp", "nbf", "iat", "iss", "aud" };
        var expires = DateTime.UtcNow + from;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            IssuedAt = expires.AddHours(-1),
            NotBefore = expires.AddHours(-1),
            Expires = expires,
            Claims = real.Claims.Where(c => !registered.Contains(c.Type)).ToDictionary(c => c.Type, c => (object)c.Value),
            SigningCredentials = new SigningCredentials(App.Services.GetRequiredService<SymmetricSecurityKey>(), SecurityAlgorithms.HmacSha256),
        });
    }

    private sealed class World(AuthorizationMatrixTests test)
    {
        private readonly Dictionary<string, HttpClient> _clients = [];
        private int _signUps;

        public Account Admin { get; set; } = null!;
        public Account Vendor { get; set; } = null!;
        public Account AnotherVendor { get; set; } = null!;
        public Account PendingVendor { get; set; } = null!;
        public Account DisabledVendor { get; set; } = null!;
        public Account Individual { get; set; } = null!;
        public Account AnotherIndividual { get; set; } = null!;
        public Account DisabledIndividual { get; set; } = null!;
        public string ExpiredVendorToken { get; set; } = "";
        public string ExpiredIndividualToken { get; set; } = "";

        /// <summary>The first vendor's catalogue, with the first individual's order and listing in it.</summary>
        public Things First { get; set; } = null!;
        public Things OfTheDisabledVendor { get; set; } = null!;
        public Things OfTheDisabledIndividual { get; set; } = null!;

        public async Task DisableAsync(Account account)
        {
            await using var scope = test.App.Services.CreateAsyncScope();
            var disabled = await scope.ServiceProvider.GetRequiredService<AccountAdminService>().DisableAsync(Admin.UserId, account.UserId, Ct);
            Assert.True(disabled.IsSuccess, disabled.Error?.Message);
        }

        private static bool ForVendors(string operation) => VendorOperations.Contains(operation);

        private Account? Of(Caller caller, string operation) => caller switch
        {
            Caller.Anonymous => null,
            Caller.Individual => Individual,
            Caller.AnotherIndividual => AnotherIndividual,
            Caller.Vendor => Vendor,
            Caller.ExpiredToken => ForVendors(operation) ? Vendor : Individual,
            Caller.AnotherVendor => AnotherVendor,
            Caller.PendingVendor => PendingVendor,
            Caller.Admin => Admin,
            Caller.DisabledAccount => ForVendors(operation) ? DisabledVendor : DisabledIndividual,
            _ => throw new ArgumentOutOfRangeException(nameof(caller)),
        };

        /// <summary>Who signs in as the caller; anonymous and expired callers as the first individual.</summary>
        public string Username(Caller caller) => (Of(caller, "login") ?? Individual).Username;

        public HttpClient Client(Caller caller, string operation)
        {
            if (caller == Caller.Anonymous) return test.Anonymous;
            var token = caller == Caller.ExpiredToken
                ? ForVendors(operation) ? ExpiredVendorToken : ExpiredIndividualToken
                : Of(caller, operation)!.Token;
            if (!_clients.TryGetValue(token, out var client)) _clients[token] = client = test.App.CreateClientWithToken(token);
            return client;
        }

        // What the caller acts on: the disabled accounts act on their own things, everyone else on the first vendor's
        // catalogue and the first individual's order and listing.
        private Things Target(Caller caller, string operation) => caller != Caller.DisabledAccount ? First
            : ForVendors(operation) ? OfTheDisabledVendor : OfTheDisabledIndividual;

        public HttpRequestMessage Request(string operation, Caller caller)
        {
            var t = Target(caller, operation);
            var self = Of(caller, operation) ?? Individual;
            var start = DateTimeOffset.UtcNow.AddDays(40);
            return operation switch
            {
                "create-user" => Json(HttpMethod.Put, "/api/users/create-user",
                    new { username = $"newcomer{++_signUps}", firstName = "New", lastName = "Comer", password = Password, userType = "individual" }),
                "login" => Json(HttpMethod.Post, "/api/users/login", new { username = self.Username, password = self.Password }),
                "view-venues" => new(HttpMethod.Get, "/api/tickets/view-venues"),
                "add-venue" => Json(HttpMethod.Put, "/api/tickets/add-venue",
                    new { name = "Matrix Hall", streetAddress = "2 Side St", city = "Austin", country = "United States" }),
                "add-performer" => Json(HttpMethod.Put, "/api/tickets/add-performer", new { name = "Matrix Act" }),
                "add-event" => Json(HttpMethod.Put, "/api/tickets/add-event",
                    new { venueId = t.VenueId, name = "Matrix Encore", startTime = start, endTime = start.AddHours(2), performerIds = new[] { t.PerformerId } }),
                "view-events" => new(HttpMethod.Get, "/api/tickets/view-events"),
                "add-performer-to-event" => Json(HttpMethod.Put, "/api/tickets/add-performer-to-event", new { performerId = t.SecondPerformerId, eventId = t.EventId }),
                "view-tickets" => new(HttpMethod.Get, "/api/tickets/view-tickets"),
                "upload-ticket" => Json(HttpMethod.Put, "/api/tickets/upload-ticket", new { eventId = t.EventId, count = 5, seat = "Balcony", price = 20 }),
                "remove-ticket" => new(HttpMethod.Delete, $"/api/tickets/remove-ticket?ticket-id={t.LotId}&count=1"),
                "view-listings" => new(HttpMethod.Get, $"/api/tickets/view-listings?event-id={t.EventId}"),
                // Another individual buys the first one's resale listing (allowed); the first buys from the vendor.
                "buy-ticket" => Json(HttpMethod.Post, "/api/tickets/buy-ticket",
                    new { ticketId = t.LotId, count = 1, listingId = caller == Caller.AnotherIndividual ? t.ListingId : null }),
                "sell-ticket" => Json(HttpMethod.Post, "/api/tickets/sell-ticket", new { ticketId = t.LotId, count = 1 }),
                "cancel-listing" => new(HttpMethod.Delete, $"/api/tickets/cancel-listing?listing-id={t.ListingId}"),
                "view-orders" => new(HttpMethod.Get, "/api/tickets/view-orders"),
                "view-order" => new(HttpMethod.Get, $"/api/tickets/view-order?order-id={t.OrderId}"),
                "view-e-tickets" => new(HttpMethod.Get, "/api/tickets/view-e-tickets"),
                // The first individual's ticket at the first vendor's door (the disabled vendor's own event has none sold:
                // its token is refused before the code is read).
                "check-in" => Json(HttpMethod.Post, "/api/tickets/check-in", new { eventId = t.EventId, code = First.TicketCode }),
                "view-revoked-codes" => new(HttpMethod.Get, $"/api/tickets/view-revoked-codes?event-id={t.EventId}"),
                "join-queue" => new(HttpMethod.Post, $"/api/tickets/join-queue?event-id={t.EventId}"),
                _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "A route the matrix does not know."),
            };
        }

        private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };
    }
}
