using System.Diagnostics;
using TicketHub.Domain.Common;
using TicketHub.Web.Api.OpenApi;

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
        services.AddExceptionHandler<DatabaseUnavailableHandler>();   // first: handlers run in the order added
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    internal static string DefaultCode(int status) => status switch
    {
        400 => ErrorCodes.ValidationFailed,
        401 => HttpErrorCodes.Unauthorized,
        403 => HttpErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => HttpErrorCodes.MethodNotAllowed,
        413 => HttpErrorCodes.PayloadTooLarge,
        415 => HttpErrorCodes.UnsupportedMediaType,
        429 => HttpErrorCodes.RateLimited,
        _ => status >= 500 ? HttpErrorCodes.InternalError : "error",
    };
}
