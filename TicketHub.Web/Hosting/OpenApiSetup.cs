using TicketHub.Web.Api.OpenApi;

namespace TicketHub.Web.Hosting;

public static class OpenApiSetup
{
    /// <summary>/openapi/v1.json: generated from the endpoints, then made exact by the rules in Api/OpenApi.</summary>
    public static IServiceCollection AddTicketHubOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddSchemaTransformer(SchemaRules.TransformAsync);
            o.AddOperationTransformer(OperationRules.TransformAsync);
            o.AddDocumentTransformer(DocumentRules.TransformAsync);
        });
}
