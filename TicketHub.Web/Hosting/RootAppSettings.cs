using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace TicketHub.Web.Hosting;

public static class RootAppSettings
{
    /// <summary>
    /// The repository keeps one appsettings.json at its root, copied next to the app's binaries. When the content root
    /// (the project folder under `dotnet run`) has none, read the copy beside the binaries, at the same precedence.
    /// </summary>
    public static void UseRootAppSettings(this ConfigurationManager config, IHostEnvironment env)
    {
        if (File.Exists(Path.Combine(env.ContentRootPath, "appsettings.json"))) return;
        var sources = (IList<IConfigurationSource>)config.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not JsonConfigurationSource { Path: { } path } json || !path.StartsWith("appsettings", StringComparison.Ordinal))
                continue;
            json.FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory);
            sources[i] = json;   // re-assigning makes the configuration manager reload this source
        }
    }
}
