using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketHub.Tests.Support;

public sealed record Problem(
    int Status, string? Title, string? Detail, string? Code,
    [property: JsonPropertyName("errors")] Dictionary<string, string[]>? Errors);

public static class HttpAssertions
{
    public static async Task EnsureOkAsync(this HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.OK) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new Xunit.Sdk.XunitException($"Expected 200 from {response.RequestMessage?.RequestUri} but got {(int)response.StatusCode}: {body}");
    }

    public static async Task<string> ReadIdAsync(this HttpResponseMessage response)
    {
        await response.EnsureOkAsync();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Asserts a problem-details response with the given status and returns it.</summary>
    public static async Task<Problem> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(body, JsonSerializerOptions.Web)!;
    }

    public static async Task<T> ReadOkAsync<T>(this HttpResponseMessage response)
    {
        await response.EnsureOkAsync();
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }
}
