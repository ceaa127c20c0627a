using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Api;

public static class ResultHttpExtensions
{
    /// <summary>
    /// The one mapping from domain errors to HTTP (docs/api.md): 403 for someone else's resource or a refused account, 401 for failed
    /// authentication, 429 for too many attempts, 503 when a dependency did not answer, and 400 with the error's code
    /// for every other failure of the request. An error that knows when to retry carries it as <c>retryAfter</c>
    /// (seconds), which <see cref="RetryAfterHeader"/> turns into the Retry-After header.
    /// </summary>
    public static ProblemHttpResult ToProblem(this Error error)
    {
        var status = error.Kind switch
        {
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
            ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            ErrorKind.RateLimited => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = error.Fields is { } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = error.Message;
        problem.Extensions["code"] = error.Code;
        if (error.RetryAfter is { } retryAfter) problem.Extensions[RetryAfterHeader.Extension] = (int)Math.Ceiling(retryAfter.TotalSeconds);
        return TypedResults.Problem(problem);
    }
}
