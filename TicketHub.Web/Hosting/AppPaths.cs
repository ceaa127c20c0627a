namespace TicketHub.Web.Hosting;

public static class AppPaths
{
    /// <summary>
    /// The folder for everything the app creates for itself: the SQLite file, the generated JWT key and HTTPS
    /// certificate. <c>DataDirectory</c> overrides it; relative paths are taken from the content root.
    /// </summary>
    public static string DataDirectory(IConfiguration config, IHostEnvironment env)
    {
        var folder = Path.GetFullPath(config["DataDirectory"] ?? "App_Data", env.ContentRootPath);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
