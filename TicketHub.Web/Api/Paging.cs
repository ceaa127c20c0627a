using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Api;

/// <summary>Paged answers keep a JSON array for a body; the total and the neighbouring pages travel in headers.</summary>
public static class Paging
{
    public const string TotalCountHeader = "X-Total-Count";

    /// <summary><c>X-Total-Count</c>, and an RFC 8288 <c>Link</c> to the first, previous, next and last pages.</summary>
    public static void SetPaging(this HttpContext http, PageRequest page, int total)
    {
        http.Response.Headers[TotalCountHeader] = total.ToString(CultureInfo.InvariantCulture);
        var last = Math.Max(1, (total + page.PageSize - 1) / page.PageSize);
        var links = new List<string> { Link(http.Request, 1, page.PageSize, "first") };
        if (page.Page > 1) links.Add(Link(http.Request, Math.Min(page.Page - 1, last), page.PageSize, "prev"));
        if (page.Page < last) links.Add(Link(http.Request, page.Page + 1, page.PageSize, "next"));
        links.Add(Link(http.Request, last, page.PageSize, "last"));
        http.Response.Headers.Link = string.Join(", ", links);
    }

    // The same request with another page: every other query parameter kept as sent.
    private static string Link(HttpRequest request, int page, int pageSize, string rel)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => q.Key is not ("page" or "page-size"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
        {
            { "page", page.ToString(CultureInfo.InvariantCulture) },
            { "page-size", pageSize.ToString(CultureInfo.InvariantCulture) },
        };
        return $"<{request.PathBase}{request.Path}{query}>; rel=\"{rel}\"";
    }
}
