using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Unhandled exceptions on /api become problem details: a malformed request is the client's 400, anything else is a
/// logged 500 (a bug, never something a client can cause on purpose). The UI falls through to the /Error page.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The middleware has already pointed Request.Path at /Error; the feature keeps the path that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        if (path is null || !path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;

        var (status, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, Describe(bad)),
            JsonException => (StatusCodes.Status400BadRequest, "The request body is not valid JSON."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled exception on {Path}", path);

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = status == 400 ? "The request is invalid." : null,
                Detail = detail,
                // A binding failure can also be 413 or 415; each status keeps its own documented code.
                Extensions = { ["code"] = ProblemDetailsSetup.DefaultCode(status) },
            },
        });
    }

    // Binding messages name the parameter and the expected type, which is what a client needs; inner JSON
    // exceptions add the path of the bad member.
    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is JsonException json && json.Path is { } path
            ? $"{bad.Message} The value at '{path}' is not valid."
            : bad.Message;
}
