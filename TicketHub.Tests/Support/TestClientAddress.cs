using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TicketHub.Tests.Support;

/// <summary>
/// The test server has no client address; this gives a request the one named in <see cref="Header"/>, first in the
/// pipeline, as a connection from that address would. Registered by the test factory only.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Parse(http.Request.Headers[Header].FirstOrDefault() ?? "192.0.2.1");
            return nextMiddleware(http);
        });
        next(app);
    };
}

public static class TestClientAddressExtensions
{
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(TestClientAddress.Header);
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }
}
