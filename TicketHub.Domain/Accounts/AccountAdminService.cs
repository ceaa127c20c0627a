using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TicketHub.Domain.Audit;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Accounts;

public sealed record AccountSummary(string UserId, string Username, string FirstName, string LastName, UserType UserType,
    AccountStatus Status, DateTime CreatedAtUtc);

public sealed record AccountFilter(AccountStatus? Status = null, UserType? UserType = null, string? Username = null);

/// <summary>What administrators do with accounts: approve or reject vendors, disable and re-enable accounts.</summary>
public sealed class AccountAdminService(
    UserManager<AppUser> users,
    IDbContextFactory<TicketHubDbContext> dbFactory,
    AccountStatusCache standing,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<AccountAdminService> logger)
{
    public const int MaxListed = 200;

    /// <summary>Accounts matching the filter, oldest first (a queue of pending vendors reads in arrival order).</summary>
    public async Task<IReadOnlyList<AccountSummary>> ListAsync(AccountFilter filter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accounts = db.Users.AsNoTracking();
        if (filter.Status is { } status) accounts = accounts.Where(u => u.Status == status);
        if (filter.UserType is { } type)
        {
            var roleId = type switch { UserType.Vendor => RoleIds.Vendor, UserType.Admin => RoleIds.Admin, _ => RoleIds.Individual };
            accounts = accounts.Where(u => db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId));
        }
        if (!string.IsNullOrWhiteSpace(filter.Username))
        {
            var name = filter.Username.Trim().ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedUserName!.Contains(name));
        }
        var rows = await accounts.OrderBy(u => u.CreatedAtUtc).ThenBy(u => u.Id).Take(MaxListed)
            .Select(u => new
            {
                u.Id, u.UserName, u.FirstName, u.LastName, u.Status, u.CreatedAtUtc,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new AccountSummary(r.Id, r.UserName!, r.FirstName, r.LastName, TypeOf(r.Roles), r.Status, r.CreatedAtUtc)).ToList();
    }

    /// <summary>A pending (or earlier rejected) vendor may now act as a vendor. Errors: not_found, invalid_state.</summary>
    public Task<Result<AccountSummary>> ApproveVendorAsync(string? adminId, string userId, CancellationToken ct = default) =>
        ChangeAsync(adminId, userId, AuditActions.VendorApproved, AccountStatus.Active,
            (user, type) => type == UserType.Vendor && user.Status is AccountStatus.PendingApproval or AccountStatus.Rejected
                ? null : "Only a pending or rejected vendor can be approved.", ct);

    /// <summary>A pending vendor is turned down; its sessions and tokens stop working. Errors: not_found, invalid_state.</summary>
    public Task<Result<AccountSummary>> RejectVendorAsync(string adminId, string userId, CancellationToken ct = default) =>
        ChangeAsync(adminId, userId, AuditActions.VendorRejected, AccountStatus.Rejected,
            (user, type) => type == UserType.Vendor && user.Status == AccountStatus.PendingApproval ? null : "Only a pending vendor can be rejected.", ct);

    /// <summary>Switches an account off; its sessions and tokens stop working. Errors: not_found, invalid_state.</summary>
    public Task<Result<AccountSummary>> DisableAsync(string adminId, string userId, CancellationToken ct = default) =>
        ChangeAsync(adminId, userId, AuditActions.AccountDisabled, AccountStatus.Disabled,
            (user, type) => type == UserType.Admin ? "Administrators cannot be disabled here."
                : user.Status == AccountStatus.Disabled ? "The account is already disabled." : null, ct);

    /// <summary>Switches a disabled account back on (a vendor comes back approved). Errors: not_found, invalid_state.</summary>
    public Task<Result<AccountSummary>> EnableAsync(string adminId, string userId, CancellationToken ct = default) =>
        ChangeAsync(adminId, userId, AuditActions.AccountEnabled, AccountStatus.Active,
            (user, _) => user.Status == AccountStatus.Disabled ? null : "Only a disabled account can be enabled.", ct);

    /// <summary>
    /// Creates the first administrator from configuration when no account of that name exists. An existing account of
    /// that name that is not an administrator is never promoted (anyone could have signed up with it): that is an error.
    /// </summary>
    public async Task EnsureAdministratorAsync(string username, string password, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(username) is { } existing)
        {
            if (await users.IsInRoleAsync(existing, Roles.Admin)) return;
            throw new InvalidOperationException(
                $"Admin:Username '{username}' belongs to an existing account that is not an administrator; choose another name.");
        }
        var admin = new AppUser { UserName = username, FirstName = "TicketHub", LastName = "Administrator", CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException($"Admin:Password is not acceptable: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        var roled = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!roled.Succeeded) throw new InvalidOperationException($"Could not make '{username}' an administrator.");
        audit.Record(AuditActions.SignUp, AuditOutcome.Succeeded, admin.Id, "account", admin.Id, "admin from configuration", admin.UserName);
        logger.LogInformation("Administrator {Username} created from configuration.", username);
    }

    private async Task<Result<AccountSummary>> ChangeAsync(string? adminId, string userId, string action, AccountStatus to,
        Func<AppUser, UserType, string?> refusal, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountErrors.NotFound(userId);
        if (userId == adminId) return AccountErrors.InvalidState("Administrators cannot change their own account here.");
        var type = TypeOf(await users.GetRolesAsync(user));
        if (refusal(user, type) is { } why)
        {
            var error = AccountErrors.InvalidState(why);
            audit.Failed(action, adminId, error, "account", userId);
            return error;
        }

        user.Status = to;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) throw new InvalidOperationException($"Could not update account {userId}: {string.Join("; ", updated.Errors.Select(e => e.Description))}");
        // A new security stamp ends every cookie session at its next request, on every node.
        if (to != AccountStatus.Active) await users.UpdateSecurityStampAsync(user);
        standing.Evict(userId);
        audit.Record(action, AuditOutcome.Succeeded, adminId, "account", userId, $"{user.UserName} is now {to}");
        return new AccountSummary(user.Id, user.UserName!, user.FirstName, user.LastName, type, user.Status, user.CreatedAtUtc);
    }

    private static UserType TypeOf(IEnumerable<string> rolesOrIds)
    {
        var set = rolesOrIds.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(Roles.Admin) || set.Contains(RoleIds.Admin)) return UserType.Admin;
        if (set.Contains(Roles.Vendor) || set.Contains(RoleIds.Vendor)) return UserType.Vendor;
        return UserType.Individual;
    }
}
