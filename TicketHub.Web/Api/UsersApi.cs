using Microsoft.AspNetCore.Http.HttpResults;
using TicketHub.Domain.Accounts;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("UserService").AllowAnonymous().RequireRateLimiting(RateLimiting.Accounts);
        users.MapPut("/create-user", CreateUserAsync).WithName("create-user")
            .WithSummary("Create an individual or vendor account")
            .WithDescription("username: 3–15 of [A-Za-z0-9_.-], unique case-insensitively; password: 8–128 characters; userType: individual or vendor.");
        users.MapPost("/login", LoginAsync).WithName("login")
            .WithSummary("Exchange a username and password for a bearer token")
            .WithDescription("A wrong username and a wrong password give the same 400 invalid_credentials; repeated failures lock the account for a while.");
        return users;
    }

    private static async Task<Results<Ok<CreateUserResponse>, ProblemHttpResult>> CreateUserAsync(
        RegisterCommand body, AccountService accounts, CancellationToken ct)
    {
        var result = await accounts.RegisterAsync(body, ct);
        return result.IsSuccess
            ? TypedResults.Ok(new CreateUserResponse(result.Value.Username, Roles.ApiName(result.Value.UserType)))
            : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest body, AccountService accounts, TokenService tokens, CancellationToken ct)
    {
        var result = await accounts.CheckCredentialsAsync(body.Username, body.Password, ct);
        if (!result.IsSuccess) return result.Error.ToProblem();
        var token = tokens.Issue(result.Value);
        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt, result.Value.Username, Roles.ApiName(result.Value.UserType)));
    }
}
