using System.Globalization;

namespace TicketHub.Web.Components.Account;

public static class TooManyAttempts
{
    /// <summary>A static page that shows a rate_limited error also answers 429 with Retry-After, as the API does.</summary>
    public static void Mark(HttpContext http, TimeSpan retryAfter)
    {
        if (http.Response.HasStarted) return;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
