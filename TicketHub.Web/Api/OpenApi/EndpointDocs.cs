namespace TicketHub.Web.Api.OpenApi;

/// <summary>Marks a paged answer: <c>X-Total-Count</c> and <c>Link</c> headers beside a JSON array.</summary>
public sealed class PagedResponseMetadata;

/// <summary>Marks a conditional GET: a strong <c>ETag</c>, <c>Cache-Control</c>, and 304 for a matching <c>If-None-Match</c>.</summary>
public sealed class ConditionalGetMetadata;

/// <summary>What an endpoint does beyond its result types, told to the OpenAPI document.</summary>
public static class EndpointDocs
{
    public static RouteHandlerBuilder Paged(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new PagedResponseMetadata());

    public static RouteHandlerBuilder ConditionalGet(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new ConditionalGetMetadata()).Produces(StatusCodes.Status304NotModified);
}
