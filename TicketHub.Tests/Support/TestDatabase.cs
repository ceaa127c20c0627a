using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Support;

/// <summary>
/// A fresh, fully migrated database per test. Migrations run once per provider into a template (a file for SQLite,
/// a template database for PostgreSQL) that each test copies, so a test pays milliseconds, not a migration.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "TICKETHUB_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private readonly Func<ValueTask> _drop;

    private TestDatabase(DatabaseProvider provider, string connectionString, Func<ValueTask> drop)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _drop = drop;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgresAsync(migrated: true) : CreateSqliteAsync(migrated: true);

    /// <summary>A database with no schema at all, for the specs that migrate it themselves.</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? CreatePostgresAsync(migrated: false) : CreateSqliteAsync(migrated: false);

    /// <summary>A context as the app configures it (SQLite's connection set-up included).</summary>
    public TicketHubDbContext CreateContext() => Provider == DatabaseProvider.Postgres
        ? new PostgresTicketHubDbContext(new DbContextOptionsBuilder<PostgresTicketHubDbContext>().UseTicketHubPostgres(ConnectionString).Options)
        : new SqliteTicketHubDbContext(new DbContextOptionsBuilder<SqliteTicketHubDbContext>().UseTicketHubSqlite(ConnectionString).Options);

    /// <summary>A context that can apply migrations (SQLite's connections then know the text-key function).</summary>
    public TicketHubDbContext CreateMigratingContext() => Provider == DatabaseProvider.Postgres
        ? CreateContext()
        : new SqliteTicketHubDbContext(new DbContextOptionsBuilder<SqliteTicketHubDbContext>()
            .UseTicketHubSqlite(ConnectionString).AddInterceptors(new SqliteTextKeyFunction()).Options);

    public ValueTask DisposeAsync() => _drop();

    private static async Task<TestDatabase> CreateSqliteAsync(bool migrated)
    {
        var template = await TemplateAsync(() => _sqliteTemplate, v => _sqliteTemplate = v, async () =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"tickethub-template-{Guid.NewGuid():N}.db");
            await using var db = new SqliteTicketHubDbContext(new DbContextOptionsBuilder<SqliteTicketHubDbContext>()
                .UseTicketHubSqlite($"Data Source={path};Pooling=False").AddInterceptors(new SqliteTextKeyFunction()).Options);
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            return path;
        });
        var file = Path.Combine(Path.GetTempPath(), $"tickethub-test-{Guid.NewGuid():N}.db");
        if (migrated) File.Copy(template, file);
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(file + suffix);
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(bool migrated)
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set: the PostgreSQL tests need the server that ./test.sh starts. Run the suite with ./test.sh.");

        var template = await TemplateAsync(() => _postgresTemplate, v => _postgresTemplate = v, async () =>
        {
            var name = $"tickethub_template_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
            var cs = With(server, name);
            await using (var db = new PostgresTicketHubDbContext(new DbContextOptionsBuilder<PostgresTicketHubDbContext>().UseNpgsql(cs).Options))
                await db.Database.MigrateAsync();
            NpgsqlConnection.ClearAllPools();   // a template must have no open connections
            return name;
        });
        var database = $"tickethub_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, migrated ? $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"" : $"CREATE DATABASE \"{database}\"");
        var connectionString = With(server, database);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            await using (var conn = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(conn);
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        });
    }

    private static async Task<string> TemplateAsync(Func<string?> get, Action<string> set, Func<Task<string>> create)
    {
        if (get() is { } ready) return ready;
        await TemplateLock.WaitAsync();
        try
        {
            if (get() is { } made) return made;
            var created = await create();
            set(created);
            return created;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string With(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(With(server, "postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
