using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace TicketHub.Web.Components.Layout;

/// <summary>
/// MudThemeProvider, minus two costs it paid on every prerendered page: it rebuilt the same CSS variables from the
/// theme on each render, and on disposal it called into JavaScript that a prerender has not got (the call throws and
/// MudBlazor swallows it). Profiling the event page put both among its largest costs.
/// </summary>
public sealed class TicketHubThemeProvider : MudThemeProvider
{
    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark), string> Variables = new();

    /// <summary>
    /// While the visitor has not chosen a mode, the linked stylesheet (<see cref="ThemeStylesheet"/>) already applies the
    /// system's light or dark palette: this provider then writes no variables, so they cannot override it.
    /// </summary>
    [Parameter] public bool FollowSystem { get; set; }

    // The layout passes the mode it wants in IsDarkMode, so the parameter always holds the mode the base class renders.
#pragma warning disable MUD0010
    protected override void GenerateTheme(StringBuilder themeStringBuilder)
    {
        if (FollowSystem) return;
        themeStringBuilder.Append(Variables.GetOrAdd((GetTheme(), IsDarkMode), _ =>
        {
            var css = new StringBuilder();
            base.GenerateTheme(css);
            return css.ToString();
        }));
    }
#pragma warning restore MUD0010

    // A prerendered instance never started watching the system's dark mode, so there is nothing to stop.
    protected override ValueTask DisposeAsyncCore() =>
        RendererInfo.IsInteractive ? base.DisposeAsyncCore() : ValueTask.CompletedTask;
}
