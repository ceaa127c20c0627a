using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketHub.Domain.Accounts;

namespace TicketHub.Domain.Data;

/// <summary>
/// Brings the database to the current schema at start-up, loads the demo catalogue into an empty database when asked,
/// and creates the configured first administrator.
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<TicketHubDbContext> dbFactory,
    IOptions<DatabaseOptions> options,
    IOptions<DemoDataOptions> demo,
    IOptions<AdminOptions> admin,
    AccountAdminService accounts,
    DemoData demoData,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (db.Database.IsSqlite())
            {
                var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(
                    db.Database.GetConnectionString()).DataSource);
                if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            }
            if (options.Value.MigrateOnStartup)
            {
                if (db.Database.IsSqlite())
                {
                    await db.Database.OpenConnectionAsync(ct);
                    SqliteTextKeyFunction.AddTo(db.Database.GetDbConnection());   // for migrations that make text keys
                }
                await db.Database.MigrateAsync(ct);
                logger.LogInformation("Database schema is up to date ({Provider}).", db.Database.ProviderName);
            }
            // WAL lets readers go on while one writer commits; the setting is stored in the file.
            if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (demo.Value.Seed) await demoData.SeedIfEmptyAsync(ct);
        if (admin.Value is { Username: { Length: > 0 } username, Password: { Length: > 0 } password })
            await accounts.EnsureAdministratorAsync(username, password, ct);
    }
}
