using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketHub.Web.Api;

/// <summary>Copies a problem's <c>retryAfter</c> (seconds) into the Retry-After header, as RFC 9110 asks of 429 and 503.</summary>
public static class RetryAfterHeader
{
    public const string Extension = "retryAfter";

    public static TBuilder WithRetryAfterHeader<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is ProblemHttpResult { ProblemDetails.Extensions: var extensions } && extensions.TryGetValue(Extension, out var seconds))
                context.HttpContext.Response.Headers.RetryAfter = Convert.ToString(seconds, System.Globalization.CultureInfo.InvariantCulture);
            return result;
        });
}
