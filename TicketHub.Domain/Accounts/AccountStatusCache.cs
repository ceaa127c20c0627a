using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Accounts;

/// <summary>An account's standing as every authenticated request checks it; null when the account no longer exists.</summary>
public sealed record AccountStanding(AccountStatus Status, string? SecurityStamp, bool IsVendor);

/// <summary>
/// The standing of accounts, read on every authenticated request (cookie, bearer token, vendor routes) so that a
/// disabled, rejected or re-keyed account stops working at its next request. Kept for a few seconds per account so a
/// busy client costs one query per window, not one per request; changes made on this node evict at once, other nodes
/// see them when the entry expires. While the primary is away (a failover), the standing is read from the replica:
/// it is the synchronous standby, so it holds every change the primary acknowledged, and signed-in reads keep working.
/// </summary>
public sealed class AccountStatusCache(IDbContextFactory<TicketHubDbContext> dbFactory, ReadOnlyDb replica) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public async ValueTask<AccountStanding?> GetAsync(string userId, CancellationToken ct = default)
    {
        if (_cache.TryGetValue(userId, out AccountStanding? known)) return known;
        AccountStanding? standing;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            standing = await ReadAsync(db, userId, ct);
        }
        catch (Exception ex) when (replica.IsSeparate && DatabaseAvailability.IsUnavailable(ex))
        {
            await using var db = await replica.CreateAsync(ct);
            standing = await ReadAsync(db, userId, ct);
        }
        _cache.Set(userId, standing, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return standing;
    }

    private static Task<AccountStanding?> ReadAsync(TicketHubDbContext db, string userId, CancellationToken ct) =>
        PerModel<Queries>.For(db).Standing(db, userId, ct);

    private sealed class Queries
    {
        public readonly Func<TicketHubDbContext, string, CancellationToken, Task<AccountStanding?>> Standing = EF.CompileAsyncQuery(
            (TicketHubDbContext db, string userId, CancellationToken ct) => db.Users.Where(u => u.Id == userId)
                .Select(u => new AccountStanding(u.Status, u.SecurityStamp, db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == RoleIds.Vendor)))
                .FirstOrDefault());
    }

    public void Evict(string userId) => _cache.Remove(userId);

    public void Dispose() => _cache.Dispose();
}
