namespace TicketHub.Web.Hosting;

public static class KestrelSettings
{
    /// <summary>
    /// Kestrel reads only its endpoints and certificates from the <c>Kestrel</c> section by itself
    /// (dotnet/aspnetcore#4765): without this, appsettings.json's limits (a 1 MB body, header counts and sizes,
    /// timeouts) and <c>AddServerHeader</c> would be silently ignored, and a 30 MB body accepted.
    /// </summary>
    public static void UseKestrelSettingsFromConfiguration(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var section = context.Configuration.GetSection("Kestrel");
            section.GetSection("Limits").Bind(kestrel.Limits);
            kestrel.AddServerHeader = section.GetValue("AddServerHeader", kestrel.AddServerHeader);
        });
}
