using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using TicketHub.Tests.ApiClient;

namespace TicketHub.Tests.Support;

/// <summary>
/// The Kiota client generated at build time from the app's own OpenAPI document (see TicketHub.Tests.csproj), over a
/// test client of the app, so its traffic is held against the document too. The bearer token, when there is one, is
/// on the HttpClient.
/// </summary>
public static class GeneratedClient
{
    public static TicketHubClient For(HttpClient http) => new(AdapterFor(http));

    /// <summary>The request adapter alone, for a request built by the client and then changed by hand.</summary>
    public static HttpClientRequestAdapter AdapterFor(HttpClient http) =>
        new(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = http.BaseAddress!.GetLeftPart(UriPartial.Authority) };
}
