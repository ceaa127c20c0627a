using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace TicketHub.Web.Hosting;

/// <summary>
/// The Content-Security-Policy TicketHub ships, built once at start-up. Scripts come only from this origin (no inline
/// script, no eval); MudBlazor needs inline styles. With Stripe as the payment provider, Stripe's own script, frames and
/// API are allowed too, for the card element on the checkout page.
/// </summary>
public sealed class ContentSecurityPolicy
{
    public ContentSecurityPolicy(IConfiguration config)
    {
        var stripe = string.Equals(config["Payments:Provider"], "Stripe", StringComparison.OrdinalIgnoreCase);
        string[] scripts = stripe ? ["'self'", "https://js.stripe.com"] : ["'self'"];
        string[] frames = stripe ? ["https://js.stripe.com", "https://hooks.stripe.com"] : ["'none'"];
        string[] connect = stripe ? ["'self'", "https://api.stripe.com"] : ["'self'"];
        _directives =
        [
            ("default-src", ["'self'"]),
            ("script-src", scripts),
            ("style-src", ["'self'", "'unsafe-inline'"]),
            ("img-src", ["'self'", "data:"]),
            ("font-src", ["'self'", "data:"]),
            ("connect-src", connect),
            ("frame-src", frames),
            ("frame-ancestors", ["'none'"]),
            ("base-uri", ["'self'"]),
            ("form-action", ["'self'"]),
            ("object-src", ["'none'"]),
        ];
        Default = Render(_directives);
    }

    private readonly (string Name, string[] Sources)[] _directives;

    /// <summary>The policy of every response.</summary>
    public string Default { get; }

    /// <summary>
    /// The API reference page's policy: its exact inline scripts allowed by their SHA-256 hashes, and eval, which the
    /// Scalar viewer needs. That page shows only the OpenAPI document, never anyone's input.
    /// </summary>
    public string ForApiReference(IEnumerable<string> scriptHashes) =>
        Render(_directives.Select(d => d.Name == "script-src"
            ? (d.Name, d.Sources.Concat(scriptHashes.Select(h => $"'sha256-{h}'")).Append("'unsafe-eval'").ToArray())
            : d));

    private static string Render(IEnumerable<(string Name, string[] Sources)> directives) =>
        string.Join("; ", directives.Select(d => $"{d.Name} {string.Join(' ', d.Sources)}"));
}

/// <summary>
/// Security headers on every response: the CSP (with frame-ancestors 'none'), nosniff, a referrer policy, no framing,
/// no powerful browser features. The API reference page (/api-docs, Scalar) starts itself with one inline module
/// script: its exact hash is allowed for that page alone (<see cref="ContentSecurityPolicy.ForApiReference"/>).
/// </summary>
public sealed partial class SecurityHeaders(RequestDelegate next, ContentSecurityPolicy csp)
{
    public async Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!headers.ContainsKey(HeaderNames.ContentSecurityPolicy)) headers.ContentSecurityPolicy = csp.Default;
            return Task.CompletedTask;
        });
        if (!http.Request.Path.StartsWithSegments("/api-docs"))
        {
            await next(http);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = original;
        }
        if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var hashes = InlineScript().Matches(html).Select(m => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(m.Groups[1].Value))));
            http.Response.Headers.ContentSecurityPolicy = csp.ForApiReference(hashes);
        }
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    // An inline <script> (no src attribute) and its exact text, which is what the browser hashes.
    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
