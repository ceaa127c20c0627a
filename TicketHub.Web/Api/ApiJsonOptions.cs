using System.Text.Json.Serialization;

namespace TicketHub.Web.Api;

public static class ApiJsonOptions
{
    /// <summary>
    /// Numbers are numbers: the web defaults also read "3" as 3, which the OpenAPI document would then have to describe
    /// as "integer or string". Strict handling makes a string where a number belongs a 400 validation_failed.
    /// </summary>
    public static IServiceCollection AddTicketHubApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
}
