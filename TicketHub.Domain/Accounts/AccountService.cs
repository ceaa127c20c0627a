using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Accounts;

public sealed class AccountService(
    UserManager<AppUser> users,
    IDbContextFactory<TicketHubDbContext> dbFactory,
    IPasswordHasher<AppUser> hasher,
    IOptions<PasswordHasherOptions> hashing,
    IOptions<VendorOptions> vendors,
    AccountStatusCache standing,
    IActionRateLimiter limits,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>
    /// Creates an individual or vendor account; a vendor starts pending approval unless Vendors:AutoApprove.
    /// Errors: validation_failed (including a common password), username_taken.
    /// </summary>
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
            Status = userType == UserType.Vendor && !vendors.Value.AutoApprove ? AccountStatus.PendingApproval : AccountStatus.Active,
        };
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, cmd.Password!);
        }
        catch (DbUpdateException ex) when (Transactions.IsUniqueViolation(ex))
        {
            // Two sign-ups raced for the same name; the unique index on the normalized name decided.
            return AccountErrors.UsernameTaken(cmd.Username!);
        }
        if (!created.Succeeded) return ToError(created, cmd.Username!);

        var roled = await users.AddToRoleAsync(user, Roles.For(userType));
        if (!roled.Succeeded) throw new InvalidOperationException($"Could not assign role: {Describe(roled)}");
        audit.Record(AuditActions.SignUp, AuditOutcome.Succeeded, user.Id, "account", user.Id,
            $"{Roles.ApiName(userType)}, {user.Status}", actorName: user.UserName);
        return new AccountInfo(user.Id, user.UserName!, userType, user.FirstName, user.LastName, user.Status);
    }

    /// <summary>
    /// Checks a username and password. Every wrong password for an account that is not locked counts towards a temporary
    /// lockout, also when failures race.
    /// Errors: invalid_credentials (also for an unknown user and a locked account, which cost the same password check,
    /// so neither can be told from a wrong password; a username or password no account can have is not looked up and
    /// not counted), account_disabled (403, after the right password only),
    /// rate_limited (429, too many attempts for this username, whoever makes them).
    /// </summary>
    public async Task<Result<AccountInfo>> CheckCredentialsAsync(string? username, string? password, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(username) && limits.Refuse(LimitedAction.SignIn, username) is { } limited)
        {
            audit.Record(AuditActions.SignIn, AuditOutcome.Failed, null, detail: limited.Code, actorName: username);
            return limited;
        }
        var possible = username is { Length: > 0 and <= AccountRules.UsernameMaxLength } && PlainText.IsPlain(username)
                       && password is { Length: > 0 and <= AccountRules.PasswordMaxLength };
        var user = possible ? await users.FindByNameAsync(username!) : null;
        if (user is null)
        {
            SignInTiming.VerifyAgainstDummy(hasher, hashing.Value.IterationCount, password);
            audit.Record(AuditActions.SignIn, AuditOutcome.Failed, null, detail: possible ? "unknown_user" : "impossible_credentials", actorName: username);
            return AccountErrors.InvalidCredentials;
        }
        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password!);
            audit.Record(AuditActions.SignIn, AuditOutcome.Failed, user.Id, "account", user.Id, "locked_out", user.UserName);
            return AccountErrors.InvalidCredentials;
        }
        var verified = hasher.VerifyHashedPassword(user, user.PasswordHash ?? "", password!);
        if (verified == PasswordVerificationResult.Failed)
        {
            var lockedNow = user.LockoutEnabled && await CountFailureAsync(user.Id, ct);
            audit.Record(AuditActions.SignIn, AuditOutcome.Failed, user.Id, "account", user.Id, "wrong_password", user.UserName);
            if (lockedNow) audit.Record(AuditActions.Lockout, AuditOutcome.Succeeded, user.Id, "account", user.Id,
                $"{AccountRules.MaxFailedLogins} failed sign-ins; locked for {AccountRules.LockoutDuration.TotalMinutes:0} minutes", user.UserName);
            return AccountErrors.InvalidCredentials;
        }
        if (!user.Status.CanSignIn())
        {
            audit.Record(AuditActions.SignIn, AuditOutcome.Failed, user.Id, "account", user.Id, user.Status.ToString(), user.UserName);
            return AccountErrors.AccountDisabled;
        }
        if (user.AccessFailedCount > 0) await ResetFailuresAsync(user.Id, ct);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded) await RehashAsync(user, password!, ct);
        audit.Record(AuditActions.SignIn, AuditOutcome.Succeeded, user.Id, "account", user.Id, actorName: user.UserName);
        return await DescribeAsync(user);
    }

    /// <summary>
    /// Changes a password; the security stamp rotates, so every other session and token of the account stops working.
    /// Errors: invalid_credentials (wrong current password, counted towards lockout), validation_failed, not_found.
    /// </summary>
    public async Task<Result<AccountInfo>> ChangePasswordAsync(string userId, ChangePasswordCommand cmd, CancellationToken ct = default)
    {
        var v = new Validator()
            .Check(!string.IsNullOrEmpty(cmd.CurrentPassword), "currentPassword", "currentPassword is required.")
            .Check(cmd.NewPassword is { Length: >= AccountRules.PasswordMinLength and <= AccountRules.PasswordMaxLength }, "newPassword",
                $"newPassword must be {AccountRules.PasswordMinLength}–{AccountRules.PasswordMaxLength} characters.");
        if (v.ToError() is { } invalid) return invalid;
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountErrors.NotFound(userId);
        if (await users.IsLockedOutAsync(user)) return AccountErrors.CurrentPasswordIncorrect;

        var changed = await users.ChangePasswordAsync(user, cmd.CurrentPassword!, cmd.NewPassword!);
        if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            if (user.LockoutEnabled) await CountFailureAsync(user.Id, ct);
            audit.Record(AuditActions.PasswordChanged, AuditOutcome.Failed, user.Id, "account", user.Id, "wrong_current_password", user.UserName);
            return AccountErrors.CurrentPasswordIncorrect;
        }
        if (!changed.Succeeded)
        {
            var fields = changed.Errors.Select(e => e.Description).ToArray();
            return new Error(ErrorCodes.ValidationFailed, "One or more fields are invalid.") { Fields = new Dictionary<string, string[]> { ["newPassword"] = fields } };
        }
        standing.Evict(user.Id);
        audit.Record(AuditActions.PasswordChanged, AuditOutcome.Succeeded, user.Id, "account", user.Id, actorName: user.UserName);
        return await DescribeAsync(user);
    }

    /// <summary>The account as the front doors show it; null when it does not exist.</summary>
    public async Task<AccountInfo?> FindAsync(string userId, CancellationToken ct = default) =>
        await users.FindByIdAsync(userId) is { } user ? await DescribeAsync(user) : null;

    // Each failure is counted by exactly one of two conditional updates, so failures that race are all counted: the
    // first raises the count below the limit; the second, at the limit, locks the account and starts the count again.
    // True when this failure is the one that locked the account.
    private async Task<bool> CountFailureAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var counted = await Transactions.RunStatementAsync<int>(async () => await db.Users
                .Where(u => u.Id == userId && u.AccessFailedCount + 1 < AccountRules.MaxFailedLogins)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1), ct), ct);
            if (counted.Value == 1) return false;

            var until = clock.GetUtcNow() + AccountRules.LockoutDuration;
            var locked = await Transactions.RunStatementAsync<int>(async () => await db.Users
                .Where(u => u.Id == userId && u.AccessFailedCount + 1 >= AccountRules.MaxFailedLogins)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, until), ct), ct);
            if (locked.Value == 1) return true;
        }
        throw new InvalidOperationException($"Could not count a failed sign-in for {userId}: the count kept changing.");
    }

    // A hash made at an older strength is replaced by one at the current strength. Not a password change: Identity's
    // own path would also rotate the security stamp and so end every other session of the account.
    private async Task RehashAsync(AppUser user, string password, CancellationToken ct)
    {
        var stronger = hasher.HashPassword(user, password);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Transactions.RunStatementAsync<int>(async () => await db.Users.Where(u => u.Id == user.Id && u.PasswordHash == user.PasswordHash)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, stronger), ct), ct);
    }

    private async Task ResetFailuresAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Transactions.RunStatementAsync<int>(async () => await db.Users.Where(u => u.Id == userId && u.AccessFailedCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0), ct), ct);
    }

    private async Task<AccountInfo> DescribeAsync(AppUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var type = roles.Contains(Roles.Admin) ? UserType.Admin : roles.Contains(Roles.Vendor) ? UserType.Vendor : UserType.Individual;
        return new AccountInfo(user.Id, user.UserName!, type, user.FirstName, user.LastName, user.Status);
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
