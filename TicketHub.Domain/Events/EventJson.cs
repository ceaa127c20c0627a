using System.Text.Json;
using System.Text.Json.Serialization;
using TicketHub.Domain.Common;

namespace TicketHub.Domain.Events;

/// <summary>
/// A page of events as view-events sends it: the UTF-8 text that JsonSerializer writes for the page's
/// <see cref="EventSummary"/> items with the API's options (camelCase names, nulls written, the options' encoder),
/// written straight from the rows, so an uncached page makes no summaries and serialises nothing twice. A spec compares
/// the two texts on every kind of value.
/// </summary>
internal static class EventJson
{
    // About what one event takes, so that a page rarely grows its buffer.
    private const int BytesPerEvent = 640;

    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText StartTime = JsonEncodedText.Encode("startTime");
    private static readonly JsonEncodedText EndTime = JsonEncodedText.Encode("endTime");
    private static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
    private static readonly JsonEncodedText Venue = JsonEncodedText.Encode("venue");
    private static readonly JsonEncodedText City = JsonEncodedText.Encode("city");
    private static readonly JsonEncodedText State = JsonEncodedText.Encode("state");
    private static readonly JsonEncodedText Country = JsonEncodedText.Encode("country");
    private static readonly JsonEncodedText PostalCode = JsonEncodedText.Encode("postalCode");
    private static readonly JsonEncodedText TimeZone = JsonEncodedText.Encode("timeZone");
    private static readonly JsonEncodedText Performers = JsonEncodedText.Encode("performers");
    private static readonly JsonEncodedText MinPrice = JsonEncodedText.Encode("minPrice");
    private static readonly JsonEncodedText Available = JsonEncodedText.Encode("available");
    private static readonly JsonEncodedText Capacity = JsonEncodedText.Encode("capacity");
    private static readonly JsonEncodedText SellingFast = JsonEncodedText.Encode("sellingFast");
    private static readonly JsonEncodedText SoldOut = JsonEncodedText.Encode("soldOut");

    /// <summary>The rows as a JSON array of event summaries, each with its venue (<paramref name="venues"/>, in row order).</summary>
    public static byte[] Write(IReadOnlyList<EventRow> rows, IReadOnlyList<VenueRef> venues, JsonSerializerOptions options)
    {
        // The names and nulls below are those of these settings; other settings would make another text.
        if (options.PropertyNamingPolicy != JsonNamingPolicy.CamelCase || options.DefaultIgnoreCondition != JsonIgnoreCondition.Never || options.WriteIndented)
            throw new ArgumentException("Events are written as JSON with camelCase names, nulls written and no indentation only.", nameof(options));
        using var buffer = new PooledBuffer(rows.Count * BytesPerEvent + 2);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            writer.WriteStartArray();
            for (var i = 0; i < rows.Count; i++) Write(writer, rows[i], venues[i]);
            writer.WriteEndArray();
        }
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter w, EventRow row, VenueRef venue)
    {
        w.WriteStartObject();
        w.WriteString(Id, row.Id);
        w.WriteString(Name, row.Name);
        w.WriteString(Description, row.Description);
        w.WriteString(StartTime, row.StartUtc);
        w.WriteString(EndTime, row.EndUtc);
        w.WriteString(Currency, row.Currency);
        w.WritePropertyName(Venue);
        w.WriteStartObject();
        w.WriteString(Id, venue.Id);
        w.WriteString(Name, venue.Name);
        w.WriteString(City, venue.City);
        w.WriteString(State, venue.State);
        w.WriteString(Country, venue.Country);
        w.WriteString(PostalCode, venue.PostalCode);
        w.WriteString(TimeZone, venue.TimeZone);
        w.WriteEndObject();
        w.WritePropertyName(Performers);
        EventLineup.WriteJson(w, row.Lineup);
        if (row.MinPrice is { } min) w.WriteNumber(MinPrice, min);
        else w.WriteNull(MinPrice);
        var (available, capacity) = (row.Available, row.Capacity);
        w.WriteNumber(Available, available);
        w.WriteNumber(Capacity, capacity);
        w.WriteBoolean(SellingFast, EventSummary.IsSellingFast(available, capacity));
        w.WriteBoolean(SoldOut, EventSummary.IsSoldOut(available, capacity));
        w.WriteEndObject();
    }
}
