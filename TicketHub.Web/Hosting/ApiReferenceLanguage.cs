using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketHub.Web.Hosting;

/// <summary>
/// Scalar's reference page is written without a language (a bare &lt;html&gt;), so screen readers guess it; WCAG 3.1.1
/// wants it stated. Its endpoints return their HTML as content, which this filter hands on with lang="en" added.
/// </summary>
public static class ApiReferenceLanguage
{
    public static TBuilder WithEnglishLanguage<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => await next(context) switch
        {
            ContentHttpResult { ResponseContent: { } html } page when page.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true
                => TypedResults.Content(ReplaceFirst(html, "<html>", "<html lang=\"en\">"), page.ContentType, statusCode: page.StatusCode),
            var other => other,
        });

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
