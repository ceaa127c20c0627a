using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketHub.Domain;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;
using TicketHub.Web.Hosting;

namespace TicketHub.Tests.Security;

public sealed class SignInHardeningOnSqlite() : SignInHardeningTests(DatabaseProvider.Sqlite);
public sealed class SignInHardeningOnPostgres() : SignInHardeningTests(DatabaseProvider.Postgres);

public abstract class SignInHardeningTests(DatabaseProvider provider) : ApiTest(provider)
{
    private readonly CountingHasher _hasher = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<IPasswordHasher<AppUser>>(sp => _hasher.Over(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));

    [Fact]
    public async Task Fifty_parallel_wrong_passwords_lock_the_account()
    {
        await IndividualAsync("target");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => LoginAsync("target", "wrong-password-guess")));

        Assert.True((await UserAsync("target")).LockoutEnd > DateTimeOffset.UtcNow, "The account is not locked.");
    }

    [Fact]
    public async Task Failures_that_race_are_all_counted()
    {
        await IndividualAsync("counted");

        await Task.WhenAll(Enumerable.Range(0, AccountRules.MaxFailedLogins - 1).Select(_ => LoginAsync("counted", "wrong-password-guess")));

        var user = await UserAsync("counted");
        Assert.Equal(AccountRules.MaxFailedLogins - 1, user.AccessFailedCount);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task The_right_password_during_lockout_gets_the_same_answer_as_a_wrong_one()
    {
        await IndividualAsync("locked");
        for (var i = 0; i < AccountRules.MaxFailedLogins; i++) await LoginAsync("locked", "wrong-password-guess");

        var right = await (await LoginAsync("locked", Password)).ReadProblemAsync(HttpStatusCode.BadRequest);
        var wrong = await (await LoginAsync("locked", "wrong-password-guess")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(wrong, right);
        Assert.Equal("invalid_credentials", right.Code);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_again()
    {
        await IndividualAsync("forgetful");
        await LoginAsync("forgetful", "wrong-password-guess");

        await (await LoginAsync("forgetful", Password)).EnsureOkAsync();

        Assert.Equal(0, (await UserAsync("forgetful")).AccessFailedCount);
    }

    [Fact]
    public async Task An_unknown_username_costs_a_password_check_like_a_known_one()
    {
        await IndividualAsync("known1");
        var known = await CountChecksAsync(() => LoginAsync("known1", "wrong-password-guess"));

        var unknown = await CountChecksAsync(() => LoginAsync("nobody-here", "wrong-password-guess"));

        Assert.Equal(1, known);
        Assert.Equal(known, unknown);
    }

    [Fact]
    public async Task A_locked_account_costs_a_password_check_like_an_open_one()
    {
        await IndividualAsync("locked2");
        for (var i = 0; i < AccountRules.MaxFailedLogins; i++) await LoginAsync("locked2", "wrong-password-guess");

        Assert.Equal(1, await CountChecksAsync(() => LoginAsync("locked2", Password)));
    }

    [Theory]
    [InlineData("elevenchars")]                 // 11
    [InlineData("qwerty123456")]                // on the common-password list
    [InlineData("1QAZ2WSX3EDC")]                // on the list, whatever the case
    public async Task Short_and_common_passwords_are_refused(string password)
    {
        var response = await SignUpAsync("newbie", password);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.True(problem.Errors!.ContainsKey("password"));
    }

    [Fact]
    public async Task A_password_that_is_the_username_is_refused()
    {
        var response = await SignUpAsync("samesameabc12", "SameSameAbc12");

        Assert.True((await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.ContainsKey("password"));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(64)]
    [InlineData(128)]
    public async Task Passwords_from_12_to_128_characters_are_accepted(int length)
    {
        var password = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 + 3) % 26)));

        await (await SignUpAsync("long" + length, password)).EnsureOkAsync();
        await (await LoginAsync("long" + length, password)).EnsureOkAsync();
    }

    [Fact]
    public async Task A_password_over_128_characters_is_refused() =>
        await (await SignUpAsync("toolong", new string('x', 60) + new string('y', 69))).ReadProblemAsync(HttpStatusCode.BadRequest);

    [Fact]
    public void The_common_password_list_has_at_least_ten_thousand_entries() =>
        Assert.True(PasswordRules.CommonPasswordCount >= 10_000, $"{PasswordRules.CommonPasswordCount} entries");

    [Fact]
    public void Production_hashes_with_PBKDF2_at_OWASPs_210000_iterations()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTicketHubIdentityCore();

        var options = services.BuildServiceProvider().GetRequiredService<IOptions<PasswordHasherOptions>>().Value;

        Assert.Equal(210_000, options.IterationCount);
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);   // PBKDF2-HMAC-SHA512
    }

    [Fact]
    public async Task An_old_weaker_hash_is_rehashed_at_the_next_sign_in()
    {
        await IndividualAsync("oldhash");
        var weak = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 500 })).HashPassword(new AppUser(), Password);
        await using (var db = App.Database.CreateContext())
            await db.Users.Where(u => u.UserName == "oldhash").ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weak), Ct);
        Assert.Equal(500, Iterations(weak));

        var stamp = (await UserAsync("oldhash")).SecurityStamp;

        var token = (await (await LoginAsync("oldhash", Password)).ReadOkAsync<LoginBody>()).Token;

        var configured = App.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount;
        var user = await UserAsync("oldhash");
        Assert.Equal(configured, Iterations(user.PasswordHash!));
        Assert.Equal(stamp, user.SecurityStamp);   // not a password change: no session ends
        await (await App.CreateClientWithToken(token).GetAsync("/api/tickets/view-tickets", Ct)).EnsureOkAsync();
        await (await LoginAsync("oldhash", Password)).EnsureOkAsync();
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_token()
    {
        var token = await SignUpAndLoginAsync("changer", "individual");
        var otherBrowser = await SignInBrowserAsync("changer");
        var browser = await SignInBrowserAsync("changer");

        var changed = await PostFormAsync(browser, "/account/change-password", "change-password", new()
        {
            ["Input.CurrentPassword"] = Password,
            ["Input.NewPassword"] = "a-brand-new-passphrase",
            ["Input.ConfirmPassword"] = "a-brand-new-passphrase",
        });

        Assert.Contains("id=\"password-changed\"", await changed.Content.ReadAsStringAsync(Ct));
        Assert.Equal("/my/tickets", (await browser.GetAsync("/my/tickets", Ct)).RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/login", (await otherBrowser.GetAsync("/my/tickets", Ct)).RequestMessage!.RequestUri!.AbsolutePath);
        await (await App.CreateClientWithToken(token).GetAsync("/api/tickets/view-tickets", Ct)).ReadProblemAsync(HttpStatusCode.Unauthorized);
        await (await LoginAsync("changer", "a-brand-new-passphrase")).EnsureOkAsync();
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        await IndividualAsync("keeper");
        var browser = await SignInBrowserAsync("keeper");

        var response = await PostFormAsync(browser, "/account/change-password", "change-password", new()
        {
            ["Input.CurrentPassword"] = "not-my-password-at-all",
            ["Input.NewPassword"] = "a-brand-new-passphrase",
            ["Input.ConfirmPassword"] = "a-brand-new-passphrase",
        });

        Assert.Contains("id=\"change-password-error\"", await response.Content.ReadAsStringAsync(Ct));
        await (await LoginAsync("keeper", Password)).EnsureOkAsync();
    }

    [Theory]
    [InlineData(0, "/my/tickets")]
    [InlineData(31, "/account/login")]
    public async Task A_browser_session_ends_at_the_absolute_lifetime_however_active(int daysAgo, string landsOn)
    {
        await IndividualAsync("session1");
        var browser = App.CreateClient();
        browser.DefaultRequestHeaders.Add("Cookie", await CookieSignedInAtAsync("session1", DateTimeOffset.UtcNow.AddDays(-daysAgo)));

        var page = await browser.GetAsync("/my/tickets", Ct);

        Assert.Equal(landsOn, page.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        Anonymous.PostAsJsonAsync("/api/users/login", new { username, password }, Ct);

    private Task<HttpResponseMessage> SignUpAsync(string username, string password) =>
        Anonymous.PutAsJsonAsync("/api/users/create-user", new { username, firstName = "A", lastName = "B", password, userType = "individual" }, Ct);

    private async Task<AppUser> UserAsync(string username)
    {
        await using var db = App.Database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedUserName == username.ToUpperInvariant(), Ct);
    }

    private async Task<int> CountChecksAsync(Func<Task> signIn)
    {
        var before = _hasher.Verifications;
        await signIn();
        return _hasher.Verifications - before;
    }

    // A session cookie as the login page issues it, with the sign-in time the absolute lifetime counts from.
    private async Task<string> CookieSignedInAtAsync(string username, DateTimeOffset signedInAt)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CreateUserPrincipalAsync((await users.FindByNameAsync(username))!);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(AuthClaims.AuthTime, signedInAt.ToUnixTimeSeconds().ToString()));
        var cookies = App.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = cookies.TicketDataFormat.Protect(new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme));
        return $"{cookies.Cookie.Name}={ticket}";
    }

    // Identity's v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
    private static int Iterations(string hash) => (int)BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    private sealed class CountingHasher
    {
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<AppUser> Over(IPasswordHasher<AppUser> inner) => new Counting(this, inner);

        private sealed class Counting(CountingHasher counter, IPasswordHasher<AppUser> inner) : IPasswordHasher<AppUser>
        {
            public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
