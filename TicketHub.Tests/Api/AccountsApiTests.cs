using System.Net;
using System.Net.Http.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Api;

public sealed class AccountsApiOnSqlite() : AccountsApiTests(DatabaseProvider.Sqlite);
public sealed class AccountsApiOnPostgres() : AccountsApiTests(DatabaseProvider.Postgres);

public abstract class AccountsApiTests(DatabaseProvider provider) : ApiTest(provider)
{
    private Task<HttpResponseMessage> CreateUserAsync(object body) => Anonymous.PutAsJsonAsync("/api/users/create-user", body, Ct);

    private Task<HttpResponseMessage> LoginAsync(string username, string password) =>
        Anonymous.PostAsJsonAsync("/api/users/login", new { username, password }, Ct);

    [Theory]
    [InlineData("individual")]
    [InlineData("vendor")]
    public async Task Creating_a_user_returns_the_username_and_user_type(string userType)
    {
        var response = await CreateUserAsync(new { username = "Ada.L", firstName = "Ada", lastName = "Lovelace", password = Password, userType });

        var body = await response.ReadOkAsync<Dictionary<string, string>>();
        Assert.Equal("Ada.L", body["username"]);
        Assert.Equal(userType, body["userType"]);
    }

    [Fact]
    public async Task Usernames_are_unique_regardless_of_case()
    {
        await (await CreateUserAsync(new { username = "ticketfan", firstName = "A", lastName = "B", password = Password, userType = "individual" })).EnsureOkAsync();

        var again = await CreateUserAsync(new { username = "TicketFan", firstName = "C", lastName = "D", password = Password, userType = "vendor" });

        Assert.Equal("username_taken", (await again.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("sixteen-chars-xx")]
    [InlineData("has space")]
    [InlineData("emoji🎫")]
    [InlineData("")]
    public async Task Usernames_outside_3_to_15_allowed_characters_are_rejected(string username)
    {
        var response = await CreateUserAsync(new { username, firstName = "A", lastName = "B", password = Password, userType = "individual" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains("username", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Missing_fields_are_reported_per_field()
    {
        var response = await CreateUserAsync(new { username = "validname" });

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Equal(["firstName", "lastName", "password", "userType"], problem.Errors!.Keys.Order());
    }

    [Fact]
    public async Task An_unknown_user_type_is_rejected()
    {
        var response = await CreateUserAsync(new { username = "admin1", firstName = "A", lastName = "B", password = Password, userType = "admin" });

        Assert.Contains("userType", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys);
    }

    [Fact]
    public async Task A_malformed_body_is_a_400_problem_and_creates_nothing()
    {
        var response = await Anonymous.PutAsync("/api/users/create-user",
            new StringContent("{\"username\": 42,", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal("validation_failed", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
        await using var db = App.Database.CreateContext();
        Assert.Empty(db.Users);
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_with_role_and_at_most_an_hour_of_life()
    {
        await (await CreateUserAsync(new { username = "vendy", firstName = "V", lastName = "E", password = Password, userType = "vendor" })).EnsureOkAsync();

        var body = await (await LoginAsync("VENDY", Password)).ReadOkAsync<LoginBody>();

        Assert.Equal("vendy", body.Username);
        Assert.Equal("vendor", body.UserType);
        var jwt = new JsonWebToken(body.Token);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("Vendor", jwt.GetClaim("role").Value);
        Assert.InRange(jwt.ValidTo - DateTime.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(60));
        Assert.Equal(jwt.ValidTo, body.ExpiresAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        await (await CreateUserAsync(new { username = "realuser", firstName = "R", lastName = "U", password = Password, userType = "individual" })).EnsureOkAsync();

        var wrongPassword = await (await LoginAsync("realuser", "not-the-password")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var unknownUser = await (await LoginAsync("nobody", "not-the-password")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("invalid_credentials", wrongPassword.Code);
        Assert.Equal(wrongPassword with { Detail = null }, unknownUser with { Detail = null });
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await (await CreateUserAsync(new { username = "target", firstName = "T", lastName = "U", password = Password, userType = "individual" })).EnsureOkAsync();
        for (var i = 0; i < 5; i++) await LoginAsync("target", "guess-" + i);

        var response = await LoginAsync("target", Password);

        Assert.Equal("invalid_credentials", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Code);
    }
}
