using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace TicketHub.Web.Components.Layout;

/// <summary>
/// The theme's CSS as a static stylesheet that browsers keep for a year, so a prerendered page links it instead of
/// carrying 13 KB of MudBlazor theme variables inline (a third of the event page). The dark palette sits inside a
/// <c>prefers-color-scheme: dark</c> media query, so every page, static or interactive, follows the system's choice
/// with no script; the interactive layout's theme provider only takes over when the visitor picks a mode themselves.
/// </summary>
public sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public const string Path = "/theme.css";

    // The theme is compiled into this assembly and rendered by MudBlazor: a new build of either is a new address.
    public static readonly string Href = $"{Path}?v={Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        $"{typeof(ThemeStylesheet).Assembly.ManifestModule.ModuleVersionId}|{typeof(MudThemeProvider).Assembly.ManifestModule.ModuleVersionId}")))[..12]}";

    private readonly Lazy<Task<string>> _css = new(() => RenderAsync(scopes, loggers));

    public Task<string> GetCssAsync() => _css.Value;

    private static async Task<string> RenderAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var light = await RenderAsync(renderer, dark: false);
        var dark = await RenderAsync(renderer, dark: true);
        return $"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n";
    }

    private static async Task<string> RenderAsync(HtmlRenderer renderer, bool dark)
    {
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = TicketHubTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = dark,
            });
            var output = await renderer.RenderComponentAsync<TicketHubThemeProvider>(parameters);
            return output.ToHtmlString();
        });
        return StyleTags().Replace(html, "");
    }

    [GeneratedRegex("</?style[^>]*>")]
    private static partial Regex StyleTags();
}
