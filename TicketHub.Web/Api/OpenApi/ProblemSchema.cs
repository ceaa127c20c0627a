using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>RFC 9457 problem details as the API writes them: a stable <c>code</c> from a closed list, and errors per field.</summary>
internal static class ProblemSchema
{
    public const string Name = "Problem";

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `code` is stable; `title` and `detail` are for people and may change.",
        Required = new HashSet<string> { "title", "status", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI naming the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong, for people." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "More about this occurrence, for people." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The stable reason: see the error codes in docs/api.md.",
                Enum = ErrorCatalog.All.Select(c => (JsonNode)JsonValue.Create(c)).ToList(),
            },
            ["retryAfter"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int32", Description = "rate_limited, payment_unavailable and database_unavailable: seconds to wait, as in Retry-After.",
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when reporting a problem." },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "validation_failed only: messages per field (JSON member or query parameter name).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
    };
}
