using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TicketHub.Domain.Data;

/// <summary>
/// One SQL statement whose text never changes, for the purchase's writes. Its text and the column types of its values
/// are worked out once per model; an open connection keeps one command for it, so while the connection stays open (a
/// SQLite write batch) the database parses the statement once and every later run only binds new values.
/// <c>ExecuteSql</c> and <c>SqlQuery</c> build the text, the parameters and the command again on every call: in a
/// profile of the SQLite flash sale that was half of the single writer's allocations (a third of the whole app's), and
/// preparing the SQL a sixth of the writer's time. The command runs on the context's connection and in its current transaction, without EF's command
/// logging or command interceptors. The text is written as for <c>ExecuteSqlRaw</c>: <c>{0}</c>, <c>{1}</c>, … stand
/// for the values, in the order of <paramref name="types"/>.
/// </summary>
internal sealed class FixedStatement(string sql, params Type[] types)
{
    // One shape per model: the test suite holds both providers' models at once.
    private readonly ConditionalWeakTable<IModel, Shape> _shapes = [];

    // A connection is used by one flow at a time, so its commands need no lock.
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<FixedStatement, DbCommand>> Commands = [];

    private sealed record Shape(string Sql, string[] Names, RelationalTypeMapping[] Mappings);

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(TicketHubDbContext db, CancellationToken ct, params object?[] values)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await CommandFor(db, values).ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs the statement and reads every row it returns with <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(TicketHubDbContext db, Func<DbDataReader, T> read, CancellationToken ct, params object?[] values)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var rows = new List<T>(1);
            await using var reader = await CommandFor(db, values).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private DbCommand CommandFor(TicketHubDbContext db, object?[] values)
    {
        if (values.Length != types.Length) throw new ArgumentException($"The statement takes {types.Length} values, not {values.Length}.", nameof(values));
        if (!_shapes.TryGetValue(db.Model, out var shape)) shape = _shapes.GetValue(db.Model, _ => ShapeFor(db));
        var connection = db.Database.GetDbConnection();
        var commands = Commands.GetValue(connection, static c =>
        {
            c.StateChange += ForgetCommandsOnClose;
            return [];
        });
        if (!commands.TryGetValue(this, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = shape.Sql;
            commands[this] = command;
        }
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.Parameters.Clear();
        for (var i = 0; i < values.Length; i++) command.Parameters.Add(shape.Mappings[i].CreateParameter(command, shape.Names[i], values[i], nullable: true));
        return command;
    }

    // A prepared statement belongs to the open session: a closed connection's handle goes back to the pool for another
    // connection, and Microsoft.Data.Sqlite finalizes the statements of the commands it tracks on Close (and stops
    // tracking them). A command is therefore kept only until its connection closes.
    private static void ForgetCommandsOnClose(object? sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Closed || sender is not DbConnection connection) return;
        if (!Commands.TryGetValue(connection, out var commands)) return;
        foreach (var command in commands.Values) command.Dispose();
        commands.Clear();
    }

    private Shape ShapeFor(TicketHubDbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var mappingSource = db.GetService<IRelationalTypeMappingSource>();
        var names = new string[types.Length];
        var mappings = new RelationalTypeMapping[types.Length];
        var placeholders = new object[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            var type = Nullable.GetUnderlyingType(types[i]) ?? types[i];
            var name = "p" + i.ToString(CultureInfo.InvariantCulture);
            mappings[i] = mappingSource.FindMapping(type) ?? throw new InvalidOperationException($"No column type for {type}.");
            names[i] = helper.GenerateParameterName(name);
            placeholders[i] = helper.GenerateParameterNamePlaceholder(name);
        }
        return new Shape(string.Format(CultureInfo.InvariantCulture, sql, placeholders), names, mappings);
    }
}
