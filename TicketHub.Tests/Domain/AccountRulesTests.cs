using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;
using TicketHub.Tests.Support;

namespace TicketHub.Tests.Domain;

public sealed class AccountRulesOnSqlite() : AccountRulesTests(DatabaseProvider.Sqlite);
public sealed class AccountRulesOnPostgres() : AccountRulesTests(DatabaseProvider.Postgres);

/// <summary>
/// Accounts, rule by rule, through <see cref="AccountService"/>, <see cref="AccountAdminService"/> and
/// <see cref="PasswordRules"/>: sign-up, sign-in with its lockout, password changes, and what administrators may do.
/// </summary>
public abstract class AccountRulesTests(DatabaseProvider provider) : DomainTest(provider)
{
    private const string Password = TestData.Password;

    // Every call as its own request: Identity's user manager keeps the users it loaded for the life of its scope.
    private AccountService Accounts => RequestService<AccountService>();
    private AccountAdminService Admin => RequestService<AccountAdminService>();

    private Task<Result<AccountInfo>> RegisterAsync(string? username = "newuser", string? password = Password, string? type = "individual",
        string? first = "Ada", string? last = "Lovelace") =>
        Accounts.RegisterAsync(new RegisterCommand(username, first, last, password, type), Ct);

    private async Task<AppUser> UserAsync(string id)
    {
        await using var db = Database.CreateContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    [Fact]
    public async Task An_individual_signs_up_active_with_trimmed_names()
    {
        var account = await RegisterAsync(first: "  Ada ", last: " Lovelace  ");

        Assert.True(account.IsSuccess, account.Error?.Message);
        Assert.Equal(("newuser", UserType.Individual, "Ada", "Lovelace", AccountStatus.Active),
            (account.Value.Username, account.Value.UserType, account.Value.FirstName, account.Value.LastName, account.Value.Status));
        Assert.Equal(UserType.Individual, (await Accounts.FindAsync(account.Value.UserId, Ct))?.UserType);
    }

    [Fact]
    public async Task A_vendor_waits_for_approval_and_the_user_type_is_read_case_insensitively()
    {
        var vendor = await RegisterAsync(type: "Vendor");

        Assert.Equal((UserType.Vendor, AccountStatus.PendingApproval), (vendor.Value?.UserType, vendor.Value?.Status));
        Assert.Equal(UserType.Vendor, (await Accounts.FindAsync(vendor.Value!.UserId, Ct))?.UserType);
    }

    [Theory]
    [InlineData("ab", Password, "individual", "username")]
    [InlineData("sixteen-chars-xx", Password, "individual", "username")]
    [InlineData("no spaces", Password, "individual", "username")]
    [InlineData(null, Password, "individual", "username")]
    [InlineData("newuser", "elevenchars", "individual", "password")]
    [InlineData("newuser", null, "individual", "password")]
    [InlineData("newuser", Password, "admin", "userType")]
    [InlineData("newuser", Password, null, "userType")]
    public async Task A_sign_up_needs_a_valid_username_a_password_of_12_to_128_characters_and_a_user_type(
        string? username, string? password, string? type, string field)
    {
        var account = await RegisterAsync(username, password, type);

        Assert.Equal(ErrorCodes.ValidationFailed, account.Error?.Code);
        Assert.Equal([field], account.Error!.Fields!.Keys);
    }

    [Fact]
    public async Task Names_are_required_and_at_most_255_characters()
    {
        var missing = await RegisterAsync(first: " ", last: null);
        var tooLong = await RegisterAsync(first: new string('a', 256), last: new string('b', 255));

        Assert.Equal(["firstName", "lastName"], missing.Error?.Fields?.Keys.Order());
        Assert.Equal(["firstName"], tooLong.Error?.Fields?.Keys);
    }

    [Fact]
    public async Task The_shortest_and_longest_usernames_and_passwords_are_accepted()
    {
        Assert.True((await RegisterAsync("abc", new string('x', 12) + "Q")).IsSuccess);
        Assert.True((await RegisterAsync("a_b.c-d12345678", "Zq" + new string('y', 126))).IsSuccess);
        Assert.Equal(["password"], (await RegisterAsync("toolong", "Zq" + new string('y', 127))).Error?.Fields?.Keys);
    }

    [Fact]
    public async Task A_taken_username_is_refused_whatever_its_case()
    {
        Assert.True((await RegisterAsync("newuser")).IsSuccess);

        var again = await RegisterAsync("NewUser");

        Assert.Equal((ErrorCodes.UsernameTaken, ErrorKind.Conflict), (again.Error?.Code, again.Error?.Kind));
        Assert.Equal("The username 'NewUser' is already taken.", again.Error?.Message);
    }

    [Fact]
    public async Task A_common_password_or_the_username_as_password_is_refused_under_password()
    {
        var common = await RegisterAsync("commonpw", "1qaz2wsx3edc");
        var same = await RegisterAsync("username123x", "  USERNAME123X ");

        Assert.Equal(["This password is one of the most common ones; choose another."], common.Error!.Fields!["password"]);
        Assert.Equal(["The password must not be the username."], same.Error!.Fields!["password"]);
    }

    [Fact]
    public async Task The_password_rules_check_length_commonness_and_the_username()
    {
        var rules = new PasswordRules();
        var users = RequestService<UserManager<AppUser>>();
        var user = new AppUser { UserName = "ticketfan77" };

        var tooLong = await rules.ValidateAsync(users, user, new string('z', AccountRules.PasswordMaxLength + 1));
        var longest = await rules.ValidateAsync(users, user, new string('z', AccountRules.PasswordMaxLength));
        var common = await rules.ValidateAsync(users, user, " PASSWORD ");
        var name = await rules.ValidateAsync(users, user, " TicketFan77 ");
        var fine = await rules.ValidateAsync(users, new AppUser(), "correct-horse-battery");
        var missing = await rules.ValidateAsync(users, user, null);

        Assert.Equal([("PasswordTooLong", "Passwords must be at most 128 characters.")], tooLong.Errors.Select(e => (e.Code, e.Description)));
        Assert.True(longest.Succeeded);
        Assert.Equal(["PasswordTooCommon"], common.Errors.Select(e => e.Code));
        Assert.Equal(["PasswordIsUsername"], name.Errors.Select(e => e.Code));
        Assert.True(fine.Succeeded);
        Assert.True(missing.Succeeded);   // Identity's own rules report a missing password
        Assert.True(PasswordRules.IsCommon("dragon"));
        Assert.False(PasswordRules.IsCommon("correct-horse-battery"));
        Assert.True(PasswordRules.CommonPasswordCount > 1_000);
    }

    [Fact]
    public void The_common_password_list_reads_one_password_a_line_without_comments_or_blank_lines()
    {
        var list = PasswordRules.Read(new StringReader("# a comment\n\nDragon\n#\nletmein\n"));

        Assert.Equal(["dragon", "letmein"], list.Order(StringComparer.OrdinalIgnoreCase).Select(p => p.ToLowerInvariant()));
        Assert.Contains("DRAGON", list);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_or_unknown_one_does_not()
    {
        var account = (await RegisterAsync()).Value!;

        var right = await Accounts.CheckCredentialsAsync("NEWUSER", Password, Ct);
        var wrong = await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct);
        var unknown = await Accounts.CheckCredentialsAsync("nobody", Password, Ct);
        var impossible = await Accounts.CheckCredentialsAsync(new string('n', 16), Password, Ct);
        var empty = await Accounts.CheckCredentialsAsync("newuser", "", Ct);

        Assert.Equal(account.UserId, right.Value?.UserId);
        Assert.All([wrong, unknown, impossible, empty], r => Assert.Equal(AccountErrors.InvalidCredentials, r.Error));
    }

    [Fact]
    public async Task The_fifth_wrong_password_in_a_row_locks_the_account_even_against_the_right_one()
    {
        var account = (await RegisterAsync()).Value!;
        for (var i = 0; i < AccountRules.MaxFailedLogins - 1; i++) await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct);
        Assert.Equal(AccountRules.MaxFailedLogins - 1, (await UserAsync(account.UserId)).AccessFailedCount);
        Assert.Null((await UserAsync(account.UserId)).LockoutEnd);

        await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct);

        var locked = await UserAsync(account.UserId);
        Assert.Equal(0, locked.AccessFailedCount);
        Assert.InRange(locked.LockoutEnd!.Value, Clock.GetUtcNow().AddMinutes(4), Clock.GetUtcNow().AddMinutes(5));
        Assert.Equal(AccountErrors.InvalidCredentials, (await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).Error);
    }

    [Fact]
    public async Task A_successful_sign_in_starts_the_count_of_failures_again()
    {
        var account = (await RegisterAsync()).Value!;
        await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct);
        await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct);

        Assert.True((await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).IsSuccess);

        Assert.Equal(0, (await UserAsync(account.UserId)).AccessFailedCount);
    }

    [Fact]
    public async Task A_disabled_account_is_told_so_only_after_the_right_password()
    {
        var account = (await RegisterAsync()).Value!;
        var admin = (await Data.AccountAsync("admin1", UserType.Individual)).UserId;
        Assert.True((await Admin.DisableAsync(admin, account.UserId, Ct)).IsSuccess);

        Assert.Equal(AccountErrors.AccountDisabled, (await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).Error);
        Assert.Equal(AccountErrors.InvalidCredentials, (await Accounts.CheckCredentialsAsync("newuser", "wrong-password-1", Ct)).Error);
    }

    [Fact]
    public async Task A_pending_vendor_signs_in()
    {
        await RegisterAsync(type: "vendor");

        Assert.Equal(AccountStatus.PendingApproval, (await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).Value?.Status);
    }

    [Fact]
    public async Task A_hash_made_at_an_older_strength_is_replaced_at_the_next_sign_in_without_ending_sessions()
    {
        var account = (await RegisterAsync()).Value!;
        var before = await UserAsync(account.UserId);
        var weak = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 10 })).HashPassword(before, Password);
        await using (var db = Database.CreateContext())
            await db.Users.Where(u => u.Id == account.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, weak), Ct);

        Assert.True((await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).IsSuccess);

        var after = await UserAsync(account.UserId);
        Assert.NotEqual(weak, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(PasswordVerificationResult.Success,
            Service<IPasswordHasher<AppUser>>().VerifyHashedPassword(after, after.PasswordHash!, Password));
    }

    [Fact]
    public async Task A_password_change_needs_the_current_password_and_a_valid_new_one()
    {
        var account = (await RegisterAsync()).Value!;
        var stamp = (await UserAsync(account.UserId)).SecurityStamp;

        var wrong = await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand("wrong-password-1", "another-horse-2"), Ct);
        var common = await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand(Password, "1qaz2wsx3edc"), Ct);
        var invalid = await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand("", "short"), Ct);
        var unknown = await Accounts.ChangePasswordAsync("nobody", new ChangePasswordCommand(Password, "another-horse-2"), Ct);
        var changed = await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand(Password, "another-horse-2"), Ct);

        Assert.Equal(AccountErrors.CurrentPasswordIncorrect, wrong.Error);
        Assert.Equal(["This password is one of the most common ones; choose another."], common.Error!.Fields!["newPassword"]);
        Assert.Equal(["currentPassword", "newPassword"], invalid.Error?.Fields?.Keys.Order());
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
        Assert.True(changed.IsSuccess, changed.Error?.Message);
        Assert.NotEqual(stamp, (await UserAsync(account.UserId)).SecurityStamp);
        Assert.True((await Accounts.CheckCredentialsAsync("newuser", "another-horse-2", Ct)).IsSuccess);
        Assert.False((await Accounts.CheckCredentialsAsync("newuser", Password, Ct)).IsSuccess);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_towards_the_lockout_and_a_locked_account_cannot_change_its_password()
    {
        var account = (await RegisterAsync()).Value!;
        for (var i = 0; i < AccountRules.MaxFailedLogins; i++)
            await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand("wrong-password-1", "another-horse-2"), Ct);

        Assert.NotNull((await UserAsync(account.UserId)).LockoutEnd);
        Assert.Equal(AccountErrors.CurrentPasswordIncorrect,
            (await Accounts.ChangePasswordAsync(account.UserId, new ChangePasswordCommand(Password, "another-horse-2"), Ct)).Error);
    }

    [Fact]
    public async Task An_unknown_account_is_not_found()
    {
        Assert.Null(await Accounts.FindAsync("nobody", Ct));
    }

    [Fact]
    public async Task Administrators_approve_and_reject_pending_vendors_only()
    {
        var admin = (await Data.AccountAsync("admin1", UserType.Individual)).UserId;
        var pending = (await RegisterAsync("pending1", type: "vendor")).Value!.UserId;
        var rejected = (await RegisterAsync("pending2", type: "vendor")).Value!.UserId;
        var individual = (await RegisterAsync("person1")).Value!.UserId;

        var approved = await Admin.ApproveVendorAsync(admin, pending, Ct);
        var turnedDown = await Admin.RejectVendorAsync(admin, rejected, Ct);
        var approveIndividual = await Admin.ApproveVendorAsync(admin, individual, Ct);
        var rejectActive = await Admin.RejectVendorAsync(admin, pending, Ct);
        var approveAgain = await Admin.ApproveVendorAsync(admin, pending, Ct);
        var approveRejected = await Admin.ApproveVendorAsync(admin, rejected, Ct);

        Assert.Equal((UserType.Vendor, AccountStatus.Active), (approved.Value?.UserType, approved.Value?.Status));
        Assert.Equal(AccountStatus.Rejected, turnedDown.Value?.Status);
        Assert.Equal(("Only a pending or rejected vendor can be approved.", ErrorKind.Conflict), (approveIndividual.Error?.Message, approveIndividual.Error?.Kind));
        Assert.Equal("Only a pending vendor can be rejected.", rejectActive.Error?.Message);
        Assert.Equal(ErrorCodes.InvalidState, approveAgain.Error?.Code);
        Assert.Equal(AccountStatus.Active, approveRejected.Value?.Status);
    }

    [Fact]
    public async Task Rejecting_or_disabling_ends_every_session_and_approving_or_enabling_does_not()
    {
        var admin = (await Data.AccountAsync("admin1", UserType.Individual)).UserId;
        var vendor = (await RegisterAsync("pending1", type: "vendor")).Value!.UserId;
        var stamp = (await UserAsync(vendor)).SecurityStamp;

        await Admin.ApproveVendorAsync(admin, vendor, Ct);
        Assert.Equal(stamp, (await UserAsync(vendor)).SecurityStamp);
        await Admin.DisableAsync(admin, vendor, Ct);
        var disabledStamp = (await UserAsync(vendor)).SecurityStamp;
        Assert.NotEqual(stamp, disabledStamp);
        await Admin.EnableAsync(admin, vendor, Ct);
        Assert.Equal(disabledStamp, (await UserAsync(vendor)).SecurityStamp);
    }

    [Fact]
    public async Task Administrators_disable_and_enable_accounts_but_not_administrators_or_themselves()
    {
        var admin = (await Data.AccountAsync("admin1", UserType.Individual)).UserId;
        await Admin.EnsureAdministratorAsync("root", "an-admin-password-1", Ct);
        var root = (await Accounts.CheckCredentialsAsync("root", "an-admin-password-1", Ct)).Value!;
        var person = (await RegisterAsync("person1")).Value!.UserId;

        var disabled = await Admin.DisableAsync(admin, person, Ct);
        var again = await Admin.DisableAsync(admin, person, Ct);
        var enabled = await Admin.EnableAsync(admin, person, Ct);
        var enableActive = await Admin.EnableAsync(admin, person, Ct);
        var administrator = await Admin.DisableAsync(admin, root.UserId, Ct);
        var self = await Admin.DisableAsync(person, person, Ct);
        var unknown = await Admin.DisableAsync(admin, "nobody", Ct);

        Assert.Equal(AccountStatus.Disabled, disabled.Value?.Status);
        Assert.Equal("The account is already disabled.", again.Error?.Message);
        Assert.Equal(AccountStatus.Active, enabled.Value?.Status);
        Assert.Equal("Only a disabled account can be enabled.", enableActive.Error?.Message);
        Assert.Equal(("Administrators cannot be disabled here.", UserType.Admin), (administrator.Error?.Message, root.UserType));
        Assert.Equal("Administrators cannot change their own account here.", self.Error?.Message);
        Assert.Equal(ErrorCodes.NotFound, unknown.Error?.Code);
        Assert.Equal(AccountStatus.Active, (await UserAsync(person)).Status);
    }

    [Fact]
    public async Task The_configured_administrator_is_made_once_and_never_from_someone_elses_account()
    {
        await Admin.EnsureAdministratorAsync("root", "an-admin-password-1", Ct);
        await Admin.EnsureAdministratorAsync("root", "an-admin-password-1", Ct);
        await RegisterAsync("squatter");

        var taken = await Assert.ThrowsAsync<InvalidOperationException>(() => Admin.EnsureAdministratorAsync("squatter", "an-admin-password-1", Ct));
        var weak = await Assert.ThrowsAsync<InvalidOperationException>(() => Admin.EnsureAdministratorAsync("root2", "password", Ct));

        Assert.Contains("'squatter'", taken.Message);
        Assert.StartsWith("Admin:Password is not acceptable:", weak.Message);
        var admins = await Admin.ListAsync(new AccountFilter(UserType: UserType.Admin), Ct);
        Assert.Equal(("root", "TicketHub", "Administrator"), admins.Select(a => (a.Username, a.FirstName, a.LastName)).Single());
    }

    [Fact]
    public async Task Accounts_are_listed_oldest_first_by_status_type_and_part_of_the_username()
    {
        var early = (await RegisterAsync("vend-early", type: "vendor")).Value!.UserId;
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RegisterAsync("person-one");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RegisterAsync("vend-late", type: "vendor");
        await Admin.EnsureAdministratorAsync("root", "an-admin-password-1", Ct);
        await Admin.ApproveVendorAsync(null, early, Ct);

        Assert.Equal(["vend-early", "person-one", "vend-late", "root"], (await Admin.ListAsync(new AccountFilter(), Ct)).Select(a => a.Username));
        Assert.Equal(["vend-late"], (await Admin.ListAsync(new AccountFilter(Status: AccountStatus.PendingApproval), Ct)).Select(a => a.Username));
        Assert.Equal(["vend-early", "vend-late"], (await Admin.ListAsync(new AccountFilter(UserType: UserType.Vendor), Ct)).Select(a => a.Username));
        Assert.Equal(["person-one"], (await Admin.ListAsync(new AccountFilter(UserType: UserType.Individual), Ct)).Select(a => a.Username));
        Assert.Equal(["vend-early", "vend-late"], (await Admin.ListAsync(new AccountFilter(Username: " VEND "), Ct)).Select(a => a.Username));
        var listed = (await Admin.ListAsync(new AccountFilter(Username: "late"), Ct)).Single();
        Assert.Equal((UserType.Vendor, AccountStatus.PendingApproval, "Ada", "Lovelace"), (listed.UserType, listed.Status, listed.FirstName, listed.LastName));
    }
}
