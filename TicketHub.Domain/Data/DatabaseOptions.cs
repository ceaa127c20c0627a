namespace TicketHub.Domain.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (the embedded default); production may run a bundle instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
