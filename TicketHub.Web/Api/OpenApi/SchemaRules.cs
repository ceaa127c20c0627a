using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketHub.Domain.Accounts;
using TicketHub.Domain.Common;
using TicketHub.Domain.ETickets;
using TicketHub.Domain.Events;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Performers;
using TicketHub.Domain.Resale;
using TicketHub.Domain.Tickets;
using TicketHub.Domain.Venues;
using TicketHub.Domain.WaitingRooms;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>
/// Where the JSON the API reads and writes is stricter than its C# types say. Request members are nullable in C# so
/// that the domain, not the serializer, reports every missing field at once; the document says which a client must
/// send. An optional member may be sent as null, which means the same as leaving it out. Every member of an answer
/// is always present, null only where its description says so.
/// </summary>
internal static class SchemaRules
{
    private static readonly Dictionary<Type, string[]> RequiredInRequests = new()
    {
        [typeof(RegisterCommand)] = ["username", "firstName", "lastName", "password", "userType"],
        [typeof(LoginRequest)] = ["username", "password"],
        [typeof(AddVenueCommand)] = ["name", "streetAddress", "city", "country"],
        [typeof(AddPerformerCommand)] = ["name"],
        [typeof(AddEventCommand)] = ["venueId", "name", "startTime", "endTime"],
        [typeof(AddPerformerToEventRequest)] = ["performerId", "eventId"],
        [typeof(UploadTicketCommand)] = ["eventId", "count", "seat", "price"],
        [typeof(TradingApi.BuyTicketRequest)] = ["ticketId", "count"],
        [typeof(SellCommand)] = ["ticketId", "count"],
        [typeof(CheckInCommand)] = ["eventId", "code"],
    };

    private static readonly string[] UserTypes = ["individual", "vendor"];
    private static readonly string[] AccountTypes = [.. UserTypes, "admin"];   // a login can also be an administrator's

    // Closed sets of words and bounds the domain enforces, by declaring type and JSON member name.
    private static readonly Dictionary<(Type, string), Action<OpenApiSchema>> Members = new()
    {
        [(typeof(RegisterCommand), "userType")] = s => s.Enum = Words(UserTypes),
        [(typeof(CreateUserResponse), "userType")] = s => s.Enum = Words(UserTypes),
        [(typeof(LoginResponse), "userType")] = s => s.Enum = Words(AccountTypes),
        [(typeof(OrderJson.OrderSummary), "status")] = s => s.Enum = Words(OrderJson.StatusWords),
        [(typeof(OrderJson.OrderDetails), "status")] = s => s.Enum = Words(OrderJson.StatusWords),
        [(typeof(RegisterCommand), "username")] = s => s.Pattern = AccountRules.UsernamePattern().ToString(),
        [(typeof(RegisterCommand), "password")] = s => (s.MinLength, s.MaxLength) = (AccountRules.PasswordMinLength, AccountRules.PasswordMaxLength),
        [(typeof(AddEventCommand), "currency")] = s => s.Pattern = "^[A-Za-z]{3}$",
        [(typeof(UploadTicketCommand), "count")] = s => (s.Minimum, s.Maximum) = ("1", TicketInventoryService.MaxUploadCount.ToString(CultureInfo.InvariantCulture)),
        [(typeof(UploadTicketCommand), "price")] = s => s.Minimum = "0",
        [(typeof(TradingApi.BuyTicketRequest), "count")] = s => s.Minimum = "1",
        [(typeof(SellCommand), "count")] = s => s.Minimum = "1",
        [(typeof(SellCommand), "price")] = s => s.Minimum = "0",
        [(typeof(CheckInCommand), "code")] = s => s.MaxLength = CheckInService.CodeMaxLength,
        [(typeof(CheckInResult), "verdict")] = s => s.Enum = Words(CheckInVerdicts.All),
        [(typeof(QueueStatus), "status")] = s => s.Enum = Words([QueueStatuses.NotQueued, QueueStatuses.Waiting, QueueStatuses.Admitted]),
    };

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            // Money: a decimal, never a binary floating point number, in every generated client.
            if (Nullable.GetUnderlyingType(property.PropertyType) is { } inner ? inner == typeof(decimal) : property.PropertyType == typeof(decimal))
                schema.Format = "decimal";
            if (property.DeclaringType is { } declaring && Members.TryGetValue((declaring, property.Name), out var rule)) rule(schema);
            return Task.CompletedTask;
        }

        var type = context.JsonTypeInfo.Type;
        if (schema.Properties is not { Count: > 0 } properties || type.Namespace?.StartsWith("TicketHub.", StringComparison.Ordinal) != true)
            return Task.CompletedTask;
        if (!RequiredInRequests.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(properties.Keys);
            return Task.CompletedTask;
        }
        schema.Required = new HashSet<string>(required);
        foreach (var (name, member) in properties)
            if (required.Contains(name) && member is OpenApiSchema { Type: { } t } s) s.Type = t & ~JsonSchemaType.Null;
        return Task.CompletedTask;
    }

    private static List<JsonNode> Words(IEnumerable<string> words) => words.Select(w => (JsonNode)JsonValue.Create(w)).ToList();
}
