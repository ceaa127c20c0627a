using System.Reflection;
using TicketHub.Domain.Common;

namespace TicketHub.Web.Api.OpenApi;

/// <summary>Codes the HTTP layer writes itself, for failures that never reach a domain service.</summary>
public static class HttpErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string RateLimited = "rate_limited";
    public const string DatabaseUnavailable = "database_unavailable";
    public const string InternalError = "internal_error";
}

/// <summary>Every <c>code</c> a problem response can carry: the enum of the document's Problem schema.</summary>
public static class ErrorCatalog
{
    public static IReadOnlyList<string> All { get; } =
        new[] { typeof(ErrorCodes), typeof(HttpErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .ToArray();
}
