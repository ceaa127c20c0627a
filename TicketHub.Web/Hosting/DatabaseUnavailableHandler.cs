using Microsoft.AspNetCore.Diagnostics;
using TicketHub.Domain.Data;
using TicketHub.Web.Api;
using TicketHub.Web.Api.OpenApi;

namespace TicketHub.Web.Hosting;

/// <summary>
/// While the primary database is away (a failover takes seconds), a request that needs it is answered at once with
/// 503, <c>Retry-After</c> and problem details, on every path: never a hang, never a 500.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!DatabaseAvailability.IsUnavailable(exception)) return false;
        logger.LogWarning("The database is unavailable: {Message}", exception.GetBaseException().Message);

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable; try again shortly.",
                Extensions = { ["code"] = HttpErrorCodes.DatabaseUnavailable, [RetryAfterHeader.Extension] = RetryAfterSeconds },
            },
        });
        // A client that accepts no JSON at all still gets the status and a sentence.
        if (!written) await http.Response.WriteAsync("The database is unavailable; try again shortly.", ct);
        return true;
    }
}
