using System.Diagnostics;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Hosting;

public static class ProblemDetailsSetup
{
    /// <summary>Every problem response carries a stable <c>code</c> and the trace id, whoever wrote it.</summary>
    public static IServiceCollection AddTicketHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var problem = ctx.ProblemDetails;
            problem.Extensions.TryAdd("code", DefaultCode(problem.Status ?? ctx.HttpContext.Response.StatusCode));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    private static string DefaultCode(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => "unauthorized",
        403 => "forbidden",
        404 => ErrorCodes.NotFound,
        405 => "method_not_allowed",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ => status >= 500 ? "internal_error" : "error",
    };
}
