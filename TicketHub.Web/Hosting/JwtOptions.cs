using System.ComponentModel.DataAnnotations;

namespace TicketHub.Web.Hosting;

public sealed class JwtOptions
{
    public const string Section = "Jwt";

    [Required] public string Issuer { get; set; } = "TicketHub";
    [Required] public string Audience { get; set; } = "TicketHub.Api";

    /// <summary>Base64 (or plain text) of at least 32 bytes. Never in appsettings.json: use an environment variable or user-secrets.</summary>
    public string? SigningKey { get; set; }

    [Range(1, 60)] public int LifetimeMinutes { get; set; } = 60;
    [Range(0, 30)] public int ClockSkewSeconds { get; set; } = 30;
}
