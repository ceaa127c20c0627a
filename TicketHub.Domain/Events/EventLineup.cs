using System.Text.Json;
using System.Text.Json.Serialization;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Events;

/// <summary>
/// An event's performers as browsing shows them, kept as JSON on the event (<see cref="Event.Lineup"/>) so that a page
/// of events is read from one table: ordered by name key, as [{"Id": ..., "Name": ...}]. Performers never change once
/// added, so the copy only changes when a performer is added to the event.
/// </summary>
public static class EventLineup
{
    public const string Empty = "[]";

    public static string Of(IEnumerable<PerformerRef> performers) =>
        JsonSerializer.Serialize(performers.OrderBy(p => TextKey.From(p.Name), StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray(),
            LineupJson.Default.PerformerRefArray);

    public static IReadOnlyList<PerformerRef> Read(string lineup) =>
        lineup == Empty ? [] : JsonSerializer.Deserialize(lineup, LineupJson.Default.PerformerRefArray) ?? [];
}

[JsonSerializable(typeof(PerformerRef[]))]
internal sealed partial class LineupJson : JsonSerializerContext;
