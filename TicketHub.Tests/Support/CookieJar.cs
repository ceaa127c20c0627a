namespace TicketHub.Tests.Support;

/// <summary>
/// Cookies carried by hand from one web node to another, as a browser behind the load balancer would send them to
/// whichever node answers (a CookieContainer would tie them to one address, and drop Secure ones over plain http).
/// </summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers)) return;
        foreach (var header in headers)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            if (value.Length == 0) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }

    /// <summary>Whether a cookie of this name is held, with or without a <c>__Host-</c> prefix.</summary>
    public bool Has(string name) => _cookies.ContainsKey(name) || _cookies.ContainsKey("__Host-" + name);

    public HttpRequestMessage Attach(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        return request;
    }
}
