using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketHub.Domain.Common;
using TicketHub.Domain.Orders;
using TicketHub.Domain.Tickets;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>
/// Each operation as a client needs it: who may call it (bearer, or <c>security: []</c> for the anonymous ones), every
/// failure as a Problem, the headers of paged, conditional and rate-limited answers, required query parameters and
/// their bounds, and an example of each body.
/// </summary>
internal static class OperationRules
{
    public const string BearerScheme = "Bearer";

    // Query parameters the domain requires: without them the answer is 400 validation_failed.
    private static readonly HashSet<string> RequiredQuery = ["ticket-id", "listing-id", "event-id", "order-id"];

    private static readonly Dictionary<string, string> ErrorDescriptions = new()
    {
        ["400"] = "The request failed: validation (with errors per field), an unknown id, sold out, a limit, a declined payment. `code` says which.",
        ["401"] = "No bearer token, or one that is expired, malformed or badly signed.",
        ["403"] = "The token is valid but the role is wrong or the resource belongs to someone else.",
        ["413"] = "The request body is too large.",
        ["415"] = "The request body is not application/json.",
        ["429"] = "Too many requests from this client; wait for the seconds in Retry-After.",
        ["503"] = "The database is failing over or out of reach (database_unavailable), or, for buy-ticket, the payment provider did " +
                  "not answer (payment_unavailable: the order stays pending and is settled within minutes; see view-orders). " +
                  "Try again after the seconds in Retry-After.",
    };

    public static async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.Responses ??= [];

        var anonymous = metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any();
        operation.Security = anonymous
            ? []
            : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, "413");
            AddProblem(operation, "415");
        }
        // Every route sits behind the node's concurrency limit, and sign-in, sign-up, trading and catalogue writes
        // have limits of their own: any operation can answer 429.
        AddProblem(operation, "429");
        // Any operation that reads or writes the database answers 503 while the primary fails over.
        AddProblem(operation, "503");
        if (anonymous) AddProblem(operation, "403");   // login of a disabled account
        foreach (var status in operation.Responses.Keys.Where(k => k[0] is '4' or '5').ToList())
            operation.Responses[status] = Problem(document, status);
        Headers(operation, "429")["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer, required: true);
        Headers(operation, "503")["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer, required: true);

        var conditional = metadata.OfType<ConditionalGetMetadata>().Any();
        if (metadata.OfType<PagedResponseMetadata>().Any())
        {
            // A 304 repeats them, so a client's stored copy keeps an up-to-date total and links.
            foreach (var status in conditional ? new[] { "200", "304" } : ["200"])
            {
                var headers = Headers(operation, status);
                headers[Paging.TotalCountHeader] = Header("How many items all pages hold together.", JsonSchemaType.Integer, required: true);
                headers["Link"] = Header("RFC 8288 links to the first, prev, next and last pages (prev and next only where such a page exists).",
                    JsonSchemaType.String, required: true);
            }
        }
        if (conditional)
        {
            foreach (var status in new[] { "200", "304" })
            {
                var headers = Headers(operation, status);
                headers["ETag"] = Header("A strong validator of this answer; send it back in If-None-Match.", JsonSchemaType.String, required: true);
                headers["Cache-Control"] = Header("private, max-age=N: only the client may keep it, for N seconds, then revalidate.",
                    JsonSchemaType.String, required: true);
            }
            operation.Responses["304"].Description = "Not Modified: the representation named in If-None-Match is still current. No body.";
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag of an answer the client holds; 304 when it is still current.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        if (operation.Responses.TryGetValue("202", out var accepted))
        {
            accepted.Description = "A replayed Idempotency-Key whose payment has not ended yet: the order, still pending. Poll Location.";
            Headers(operation, "202")["Location"] = Header("view-order for this order.", JsonSchemaType.String, required: true);
        }

        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (RequiredQuery.Contains(parameter.Name!)) parameter.Required = true;
            if (parameter.Schema is not OpenApiSchema schema) continue;
            switch (parameter.Name)
            {
                case "page":
                    (schema.Minimum, parameter.Description) = ("1", "Page number, from 1.");
                    break;
                case "page-size":
                    (schema.Minimum, schema.Maximum, parameter.Description) =
                        ("1", PageRequest.MaxSize.ToString(CultureInfo.InvariantCulture), $"Items per page (default {PageRequest.DefaultSize}).");
                    break;
                case "count":
                    (schema.Minimum, parameter.Description) = ("1", "How many unsold tickets to remove; all of them when absent.");
                    break;
                case "Idempotency-Key":
                    (schema.MaxLength, parameter.Description) = (PurchaseService.IdempotencyKeyMaxLength,
                        "Any string unique per purchase of this buyer: a retry with the same key answers with the first order and charges once.");
                    break;
            }
        }

        if (operation.OperationId == "view-tickets") await DescribeEitherShapeAsync(operation, context, ct);
        if (operation.OperationId is { } id)
        {
            if (Examples.Request(id) is { } request && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                body.Example = request;
            if (Examples.Response(id) is { } answer && operation.Responses["200"].Content?.TryGetValue("application/json", out var ok) == true)
                ok.Example = answer;
        }
    }

    // view-tickets answers individuals with their holdings and vendors with their lots: one array or the other.
    private static async Task DescribeEitherShapeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var document = context.Document!;
        foreach (var type in new[] { typeof(HoldingView), typeof(VendorLot) })
            if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
                document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, cancellationToken: ct));
        var either = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "An individual gets HoldingView items, a vendor VendorLot items.",
            Items = new OpenApiSchema
            {
                AnyOf = [new OpenApiSchemaReference(nameof(HoldingView), document), new OpenApiSchemaReference(nameof(VendorLot), document)],
            },
        };
        operation.Responses!["200"] = new OpenApiResponse
        {
            Description = "Individuals: the tickets they hold; vendors: the lots they uploaded.",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = either } },
        };
    }

    private static void AddProblem(OpenApiOperation operation, string status) => operation.Responses!.TryAdd(status, new OpenApiResponse());

    private static OpenApiResponse Problem(OpenApiDocument document, string status) => new()
    {
        Description = ErrorDescriptions.GetValueOrDefault(status, "A problem."),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, document) },
        },
    };

    private static IDictionary<string, IOpenApiHeader> Headers(OpenApiOperation operation, string status)
    {
        if (!operation.Responses!.TryGetValue(status, out var response)) operation.Responses[status] = response = new OpenApiResponse();
        var concrete = (OpenApiResponse)response;
        return concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type, bool required) => new()
    {
        Description = description,
        Required = required,
        Schema = new OpenApiSchema { Type = type },
    };
}
