using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using TicketHub.Domain.Common;
using TicketHub.Domain.Data;

namespace TicketHub.Domain.Events;

/// <summary>
/// The page and the count of a plain search (<see cref="SearchFilter.IsPlain"/>) as SQL commands per combination of filters,
/// built once from the model and run by EF (its connection set-up, interceptors and logging apply as to any query),
/// then read column by column from the data reader. A profile of uncached view-events showed the compiled LINQ query
/// spending as much in its own machinery (command cache, shaper) as in reading. The SQL is what the compiled query
/// generated for the same filters: an absent filter is left out, so each combination reads its own index.
/// </summary>
internal sealed class EventPageCommand
{
    private readonly ConcurrentDictionary<Filters, IRelationalCommandTemplate> _commands = new();

    [Flags]
    private enum Filters
    {
        None = 0, Venue = 1, Performer = 2, After = 4, From = 8, To = 16, City = 32, State = 64, Country = 128, PostalCode = 256,
        Count = 512,   // not a filter: the command counts the matching events instead of reading a page
    }

    /// <summary>The page's rows, in start order then id, as <see cref="EventSearch"/>'s compiled queries read them.</summary>
    public static async Task<List<EventRow>> ReadAsync(TicketHubDbContext db, SearchFilter f, PageRequest page, CancellationToken ct)
    {
        var rows = new List<EventRow>(page.PageSize);
        await RunAsync(db, f, FiltersOf(f), page, async (command, parameters) =>
        {
            await using var reader = await command.ExecuteReaderAsync(parameters, ct);
            var data = reader.DbDataReader;
            while (await data.ReadAsync(ct)) rows.Add(Read(data));
        });
        return rows;
    }

    /// <summary>How many events match the filters.</summary>
    public static async Task<int> CountAsync(TicketHubDbContext db, SearchFilter f, CancellationToken ct)
    {
        var count = 0;
        await RunAsync(db, f, FiltersOf(f) | Filters.Count, page: null,
            async (command, parameters) => count = Convert.ToInt32(await command.ExecuteScalarAsync(parameters, ct), CultureInfo.InvariantCulture));
        return count;
    }

    private static async Task RunAsync(TicketHubDbContext db, SearchFilter f, Filters filters, PageRequest? page,
        Func<IRelationalCommand, RelationalCommandParameterObject, Task> execute)
    {
        // Commands are made with the services of the model's provider: one set per model, as for compiled queries.
        var template = PerModel<EventPageCommand>.For(db).CommandFor(db, filters);
        var values = new Dictionary<string, object?>(12)
        {
            [nameof(Filters.Venue)] = f.VenueId, [nameof(Filters.Performer)] = f.PerformerId, [nameof(Filters.After)] = f.After,
            [nameof(Filters.From)] = f.From, [nameof(Filters.To)] = f.To, [nameof(Filters.City)] = f.CityKey,
            [nameof(Filters.State)] = f.StateKey, [nameof(Filters.Country)] = f.CountryKey, [nameof(Filters.PostalCode)] = f.PostalCodeKey,
        };
        if (page is not null) (values["Take"], values["Skip"]) = (page.PageSize, page.Skip);
        // A command keeps its reader for the next execution, so it is rented from the context's connection per
        // execution (as EF does for its own queries); the template is shared.
        var connection = db.GetService<IRelationalConnection>();
        var command = connection.RentCommand();
        command.PopulateFrom(template);
        try
        {
            await execute(command, new RelationalCommandParameterObject(connection, values, readerColumns: null, db,
                db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery));
        }
        finally
        {
            connection.ReturnCommand(command);
        }
    }

    // Columns in the order of the SELECT list below.
    private static EventRow Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
        DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc), DateTime.SpecifyKind(r.GetDateTime(4), DateTimeKind.Utc),
        r.GetString(5), r.GetString(6), r.GetString(7),
        r.IsDBNull(8) ? null : r.GetInt64(8), r.GetInt32(9), r.GetInt32(10), r.IsDBNull(11) ? null : r.GetInt64(11), r.GetInt32(12));

    private static Filters FiltersOf(SearchFilter f) =>
        (f.VenueId is null ? 0 : Filters.Venue) | (f.PerformerId is null ? 0 : Filters.Performer) | (f.After is null ? 0 : Filters.After)
        | (f.From is null ? 0 : Filters.From) | (f.To is null ? 0 : Filters.To) | (f.CityKey is null ? 0 : Filters.City)
        | (f.StateKey is null ? 0 : Filters.State) | (f.CountryKey is null ? 0 : Filters.Country) | (f.PostalCodeKey is null ? 0 : Filters.PostalCode);

    private IRelationalCommandTemplate CommandFor(TicketHubDbContext db, Filters filters) =>
        _commands.GetOrAdd(filters, static (set, db) => Build(db, set), db);

    private static IRelationalCommandTemplate Build(TicketHubDbContext db, Filters filters)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var events = db.Model.FindEntityType(typeof(Event))!;
        var performances = db.Model.FindEntityType(typeof(Performance))!;
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create();
        string Column(IEntityType type, string alias, string property) =>
            $"{sql.DelimitIdentifier(alias)}.{sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName())}";
        string Table(IEntityType type, string alias) => $"{sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} AS {sql.DelimitIdentifier(alias)}";
        string Parameter(string name, IProperty? property)
        {
            var mapping = property?.GetRelationalTypeMapping() ?? db.GetService<IRelationalTypeMappingSource>().FindMapping(typeof(int))!;
            builder.AddParameter(name, sql.GenerateParameterName(name), mapping, property?.IsNullable ?? false);
            return sql.GenerateParameterNamePlaceholder(name);
        }
        string Col(string property) => Column(events, "e", property);
        IProperty EventProperty(string property) => events.FindProperty(property)!;

        var select = string.Join(", ", new[]
        {
            nameof(Event.Id), nameof(Event.Name), nameof(Event.Description), nameof(Event.StartUtc), nameof(Event.EndUtc), nameof(Event.Currency),
            nameof(Event.VenueId), nameof(Event.Lineup), nameof(Event.CheapestCents), nameof(Event.TicketsLeft), nameof(Event.Capacity),
            nameof(Event.ResaleCheapestCents), nameof(Event.ResaleLeft),
        }.Select(Col));
        var where = new List<string>();
        void Equal(Filters filter, string property)
        {
            if (filters.HasFlag(filter)) where.Add($"{Col(property)} = {Parameter(filter.ToString(), EventProperty(property))}");
        }
        Equal(Filters.Venue, nameof(Event.VenueId));
        if (filters.HasFlag(Filters.Performer))
        {
            // Driven from the performer's index (an IN list), not by probing every event in start order.
            var performer = Parameter(nameof(Filters.Performer), performances.FindProperty(nameof(Performance.PerformerId)));
            where.Add($"{Col(nameof(Event.Id))} IN (SELECT {Column(performances, "p", nameof(Performance.EventId))} FROM {Table(performances, "p")} " +
                      $"WHERE {Column(performances, "p", nameof(Performance.PerformerId))} = {performer})");
        }
        var start = EventProperty(nameof(Event.StartUtc));
        if (filters.HasFlag(Filters.After)) where.Add($"{Col(nameof(Event.StartUtc))} > {Parameter(nameof(Filters.After), start)}");
        if (filters.HasFlag(Filters.From)) where.Add($"{Col(nameof(Event.StartUtc))} >= {Parameter(nameof(Filters.From), start)}");
        if (filters.HasFlag(Filters.To)) where.Add($"{Col(nameof(Event.StartUtc))} <= {Parameter(nameof(Filters.To), start)}");
        Equal(Filters.City, nameof(Event.CityKey));
        Equal(Filters.State, nameof(Event.StateKey));
        Equal(Filters.Country, nameof(Event.CountryKey));
        Equal(Filters.PostalCode, nameof(Event.PostalCodeKey));

        var count = filters.HasFlag(Filters.Count);
        var text = new StringBuilder($"SELECT {(count ? "COUNT(*)" : select)} FROM {Table(events, "e")}");
        if (where.Count > 0) text.Append(" WHERE ").AppendJoin(" AND ", where);
        if (!count)
        {
            text.Append($" ORDER BY {Col(nameof(Event.StartUtc))}, {Col(nameof(Event.Id))}");
            text.Append($" LIMIT {Parameter("Take", null)} OFFSET {Parameter("Skip", null)}");
        }
        builder.Append(text.ToString());
        return builder.Build();
    }
}
