using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketHub.Domain.Data;

namespace TicketHub.Tests.Support;

/// <summary>
/// Records the SQL that one piece of a spec sends to the database (<see cref="OfAsync"/>): an EF command interceptor
/// on every context of the app under test, listening only within the async flow that asked, so background work (the
/// figures refresher, the audit writer) and other requests never show up in a spec's count. A browser's live circuit
/// runs in flows of its own: <see cref="CatalogueReads"/> counts catalogue reads from every flow.
/// </summary>
public sealed class DbCommandLog : DbCommandInterceptor
{
    // Catalogue tables: reading any of them is a browse read (account standing and a buyer's own counters are not).
    private static readonly string[] CatalogueTables = ["\"Events\"", "\"Venues\"", "\"Performers\"", "\"Performances\"", "\"TicketLots\"", "\"ResaleListings\""];

    private readonly AsyncLocal<ConcurrentQueue<string>?> _listening = new();
    private int _catalogueReads;

    /// <summary>Commands that read the catalogue, from any flow, since the app started.</summary>
    public int CatalogueReads => Volatile.Read(ref _catalogueReads);

    /// <summary>Adds the log to the app's contexts (both providers' context types).</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteTicketHubDbContext>(o => o.AddInterceptors(this));
        services.ConfigureDbContext<PostgresTicketHubDbContext>(o => o.AddInterceptors(this));
    }

    /// <summary>The commands <paramref name="action"/> sent, in order.</summary>
    public async Task<IReadOnlyList<string>> OfAsync(Func<Task> action)
    {
        var commands = new ConcurrentQueue<string>();
        _listening.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            _listening.Value = null;
        }
        return [.. commands];
    }

    /// <summary>The commands of <paramref name="action"/> that read the catalogue.</summary>
    public async Task<IReadOnlyList<string>> BrowseReadsOfAsync(Func<Task> action) => (await OfAsync(action)).Where(ReadsCatalogue).ToList();

    private static bool ReadsCatalogue(string sql) => CatalogueTables.Any(table => sql.Contains(table, StringComparison.Ordinal));

    private void Record(DbCommand command)
    {
        _listening.Value?.Enqueue(command.CommandText);
        if (ReadsCatalogue(command.CommandText)) Interlocked.Increment(ref _catalogueReads);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
