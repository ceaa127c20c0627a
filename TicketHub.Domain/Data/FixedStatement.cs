using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TicketHub.Domain.Data;

/// <summary>
/// One SQL statement whose text never changes, made into EF's command template once per model and run by EF (its
/// connection, transaction, interceptors and logging apply as to any command) with only the values new each time.
/// <c>ExecuteSql</c> and <c>SqlQuery</c> build the text and its parameters again on every call: an allocation profile
/// of the SQLite flash sale found a third of the single writer's allocations there. The text is written as for
/// <c>ExecuteSqlRaw</c>: <c>{0}</c>, <c>{1}</c>, … stand for the values, in the order of <paramref name="types"/>.
/// </summary>
internal sealed class FixedStatement(string sql, params Type[] types)
{
    // One template per model: the test suite holds both providers' models at once.
    private readonly ConditionalWeakTable<IModel, IRelationalCommandTemplate> _templates = [];

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(TicketHubDbContext db, CancellationToken ct, params object?[] values)
    {
        var (connection, command, parameters) = Prepare(db, values, CommandSource.ExecuteSqlRaw);
        try
        {
            return await command.ExecuteNonQueryAsync(parameters, ct);
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    /// <summary>Runs the statement and reads every row it returns with <paramref name="read"/>.</summary>
    public async Task<List<T>> ReadAsync<T>(TicketHubDbContext db, Func<DbDataReader, T> read, CancellationToken ct, params object?[] values)
    {
        var (connection, command, parameters) = Prepare(db, values, CommandSource.FromSqlQuery);
        try
        {
            var rows = new List<T>(1);
            await using var reader = await command.ExecuteReaderAsync(parameters, ct);
            while (await reader.DbDataReader.ReadAsync(ct)) rows.Add(read(reader.DbDataReader));
            return rows;
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    private (IRelationalConnection, IRelationalCommand, RelationalCommandParameterObject) Prepare(
        TicketHubDbContext db, object?[] values, CommandSource source)
    {
        if (values.Length != types.Length) throw new ArgumentException($"The statement takes {types.Length} values, not {values.Length}.", nameof(values));
        var named = new Dictionary<string, object?>(values.Length);
        for (var i = 0; i < values.Length; i++) named[Name(i)] = values[i];
        // A command keeps its reader for the next execution, so it is rented from the context's connection for this
        // execution alone (as EF does for its own queries); the template is shared.
        var connection = db.GetService<IRelationalConnection>();
        var command = connection.RentCommand();
        if (!_templates.TryGetValue(db.Model, out var template)) template = _templates.GetValue(db.Model, _ => Build(db));
        command.PopulateFrom(template);
        return (connection, command, new RelationalCommandParameterObject(
            connection, named, readerColumns: null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(), source));
    }

    private IRelationalCommandTemplate Build(TicketHubDbContext db)
    {
        var helper = db.GetService<ISqlGenerationHelper>();
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        var placeholders = new object[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            var type = Nullable.GetUnderlyingType(types[i]) ?? types[i];
            var mapping = mappings.FindMapping(type) ?? throw new InvalidOperationException($"No column type for {type}.");
            builder.AddParameter(Name(i), helper.GenerateParameterName(Name(i)), mapping, nullable: true);
            placeholders[i] = helper.GenerateParameterNamePlaceholder(Name(i));
        }
        builder.Append(string.Format(CultureInfo.InvariantCulture, sql, placeholders));
        return builder.Build();
    }

    private static string Name(int i) => i < ParameterNames.Length ? ParameterNames[i] : "p" + i.ToString(CultureInfo.InvariantCulture);

    private static readonly string[] ParameterNames = Enumerable.Range(0, 32).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
}
