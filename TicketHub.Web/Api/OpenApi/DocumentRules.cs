using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>The document as a whole: description, server address, tags, the bearer scheme and the Problem schema.</summary>
internal static class DocumentRules
{
    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TicketHub API",
            Version = "v1",
            Description = "Buy, resell and manage event tickets. Every /api/tickets route needs `Authorization: Bearer <token>` from " +
                          "login. Failures are RFC 9457 problem details with a stable `code`; lists are paged with `page` and " +
                          "`page-size` and carry `X-Total-Count` and a `Link` header. The guide is docs/api.md in the repository.",
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-TicketHub" },
        };
        // RFC 3986 joins "https://host" and "/api/..." without a doubled slash; clients append paths to this address.
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        // Generated outside a request (at build time) the document knows no address: name the embedded default.
        if (document.Servers is not { Count: > 0 })
            document.Servers = [new OpenApiServer { Url = "https://localhost:5001", Description = "The embedded default (dotnet run)." }];
        document.Tags = new HashSet<OpenApiTag>
        {
            new() { Name = "UserService", Description = "Sign up and log in. Anonymous; rate-limited per client address." },
            new() { Name = "TicketService", Description = "Venues, performers, events, tickets, purchases, orders and resale. Bearer token required." },
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OperationRules.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The token from POST /api/users/login.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Name] = ProblemSchema.Create();
        // The framework's own problem schemas are replaced by Problem on every response.
        document.Components.Schemas.Remove("ProblemDetails");
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        return Task.CompletedTask;
    }
}
