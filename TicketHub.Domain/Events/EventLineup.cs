using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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

    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText NameName = JsonEncodedText.Encode("name");

    public static string Of(IEnumerable<PerformerRef> performers) =>
        JsonSerializer.Serialize(performers.OrderBy(p => TextKey.From(p.Name), StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToArray(),
            LineupJson.Default.PerformerRefArray);

    // Read by hand rather than by JsonSerializer: a page reads fifty lineups, and the serializer's read state for a
    // record with a constructor cost more than everything else it allocated for the page.
    public static IReadOnlyList<PerformerRef> Read(string lineup)
    {
        if (lineup == Empty) return [];
        var performers = new List<PerformerRef>(2);
        Parse(lineup, performers, static (list, id, name) => list.Add(new PerformerRef(Encoding.UTF8.GetString(id), Encoding.UTF8.GetString(name))));
        return performers;
    }

    /// <summary>
    /// Writes the lineup as an event's "performers" in the API's JSON, [{"id": ..., "name": ...}]: the same text the
    /// serializer writes for the performers read back, with no objects in between.
    /// </summary>
    internal static void WriteJson(Utf8JsonWriter writer, string lineup)
    {
        writer.WriteStartArray();
        if (lineup != Empty)
        {
            Parse(lineup, writer, static (w, id, name) =>
            {
                w.WriteStartObject();
                w.WriteString(IdName, id);
                w.WriteString(NameName, name);
                w.WriteEndObject();
            });
        }
        writer.WriteEndArray();
    }

    private delegate void PerformerFound<in TState>(TState state, ReadOnlySpan<byte> id, ReadOnlySpan<byte> name);

    // Each object's "Id" and "Name" in turn, as unescaped UTF-8 (in either order, with or without escapes: lineups
    // written by the backfill migration on PostgreSQL are json_agg text, with spaces and unescaped characters).
    private static void Parse<TState>(string lineup, TState state, PerformerFound<TState> found)
    {
        // The first part of the buffer holds the lineup's UTF-8, the rest the unescaped copies of escaped values.
        var size = Encoding.UTF8.GetMaxByteCount(lineup.Length);
        var rented = ArrayPool<byte>.Shared.Rent(2 * size);
        try
        {
            var buffer = rented.AsSpan();
            var length = Encoding.UTF8.GetBytes(lineup, buffer);
            var reader = new Utf8JsonReader(buffer[..length]);
            var copied = length;
            Range id = default, name = default;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        (id, name) = (default, default);
                        break;
                    case JsonTokenType.PropertyName when reader.ValueTextEquals("Id"u8):
                        reader.Read();
                        id = Value(ref reader, buffer, ref copied);
                        break;
                    case JsonTokenType.PropertyName when reader.ValueTextEquals("Name"u8):
                        reader.Read();
                        name = Value(ref reader, buffer, ref copied);
                        break;
                    case JsonTokenType.EndObject:
                        found(state, buffer[id], buffer[name]);
                        break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Where the current string's unescaped bytes are in the buffer: in place when it has no escapes, else copied.
    private static Range Value(ref Utf8JsonReader reader, Span<byte> buffer, ref int copied)
    {
        if (!reader.ValueIsEscaped)
        {
            var start = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(buffer), ref MemoryMarshal.GetReference(reader.ValueSpan));
            return new Range(start, start + reader.ValueSpan.Length);
        }
        var from = copied;
        copied += reader.CopyString(buffer[copied..]);
        return new Range(from, copied);
    }
}

[JsonSerializable(typeof(PerformerRef[]))]
internal sealed partial class LineupJson : JsonSerializerContext;
