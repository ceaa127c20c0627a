using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Accounts;

public sealed class AccountService(UserManager<AppUser> users, TimeProvider clock)
{
    /// <summary>Creates an individual or vendor account. Errors: validation_failed, username_taken.</summary>
    public async Task<Result<AccountInfo>> RegisterAsync(RegisterCommand cmd, CancellationToken ct = default)
    {
        var userTypeKnown = Roles.TryParse(cmd.UserType, out var userType);
        var v = new Validator()
            .Check(cmd.Username is not null && AccountRules.UsernamePattern().IsMatch(cmd.Username), "username",
                $"username must be {AccountRules.UsernameMinLength}–{AccountRules.UsernameMaxLength} letters, digits, '_', '.' or '-'.")
            .Required("firstName", cmd.FirstName, AccountRules.NameMaxLength)
            .Required("lastName", cmd.LastName, AccountRules.NameMaxLength)
            .Check(cmd.Password is { Length: >= AccountRules.PasswordMinLength and <= AccountRules.PasswordMaxLength }, "password",
                $"password must be {AccountRules.PasswordMinLength}–{AccountRules.PasswordMaxLength} characters.")
            .Check(userTypeKnown, "userType", "userType must be 'individual' or 'vendor'.");
        if (v.ToError() is { } invalid) return invalid;

        var user = new AppUser
        {
            UserName = cmd.Username,
            FirstName = cmd.FirstName!.Trim(),
            LastName = cmd.LastName!.Trim(),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, cmd.Password!);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups raced for the same name; the unique index on the normalized name decided.
            return AccountErrors.UsernameTaken(cmd.Username!);
        }
        if (!created.Succeeded) return ToError(created, cmd.Username!);

        var roled = await users.AddToRoleAsync(user, Roles.For(userType));
        if (!roled.Succeeded) throw new InvalidOperationException($"Could not assign role: {Describe(roled)}");
        return new AccountInfo(user.Id, user.UserName!, userType, user.FirstName, user.LastName);
    }

    /// <summary>
    /// Checks a username and password, counting failures towards a temporary lockout. Errors: invalid_credentials
    /// (also for a locked account, so a locked account cannot be told from a wrong password).
    /// </summary>
    public async Task<Result<AccountInfo>> CheckCredentialsAsync(string? username, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) || username.Length > AccountRules.UsernameMaxLength)
            return AccountErrors.InvalidCredentials;

        var user = await users.FindByNameAsync(username);
        if (user is null || await users.IsLockedOutAsync(user)) return AccountErrors.InvalidCredentials;
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return AccountErrors.InvalidCredentials;
        }
        if (await users.GetAccessFailedCountAsync(user) > 0) await users.ResetAccessFailedCountAsync(user);
        return await DescribeAsync(user);
    }

    private async Task<AccountInfo> DescribeAsync(AppUser user)
    {
        var type = await users.IsInRoleAsync(user, Roles.Vendor) ? UserType.Vendor : UserType.Individual;
        return new AccountInfo(user.Id, user.UserName!, type, user.FirstName, user.LastName);
    }

    private static Error ToError(IdentityResult result, string username)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName)))
            return AccountErrors.UsernameTaken(username);
        var fields = result.Errors
            .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "username")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        return new Error(ErrorCodes.ValidationFailed, "One or more fields are invalid.") { Fields = fields };
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => e.Description));
}
