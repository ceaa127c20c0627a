using Microsoft.AspNetCore.Http.HttpResults;
using TicketHub.Domain.Accounts;
using TicketHub.Web.Hosting;

namespace TicketHub.Web.Api;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("UserService").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        users.MapPut("/create-user", CreateUserAsync).WithName("create-user").RequireRateLimiting(RateLimiting.SignUp)
            .WithSummary("Create an individual or vendor account")
            .WithDescription("username: 3–15 of [A-Za-z0-9_.-], unique case-insensitively; password: 12–128 characters and not one of the most common passwords; " +
                             "userType: individual or vendor. A vendor starts pending until an administrator approves it (vendor routes answer 403 vendor_not_approved).");
        users.MapPost("/login", LoginAsync).WithName("login").RequireRateLimiting(RateLimiting.SignIn)
            .WithSummary("Exchange a username and password for a bearer token")
            .WithDescription("A wrong username, a wrong password and a locked account give the same 400 invalid_credentials; repeated failures lock the account for a while. " +
                             "A disabled account answers 403 account_disabled (only with the right password). 429 rate_limited with Retry-After past the per-address or per-username limit.");
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
        var token = await tokens.IssueAsync(result.Value, ct);
        return TypedResults.Ok(new LoginResponse(token.Token, token.ExpiresAt, result.Value.Username, Roles.ApiName(result.Value.UserType)));
    }
}
