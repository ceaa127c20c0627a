using MudBlazor;

namespace TicketHub.Web.Components.Layout;

public static class TicketHubTheme
{
    // No web fonts: the app must look right with no internet, so the stack falls back to the system's UI fonts.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            Secondary = "#e4572e",
            Tertiary = "#17a398",
            AppbarBackground = "#2d1e6b",
            Background = "#f7f6fb",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a08cff",
            Secondary = "#ff8a65",
            Tertiary = "#4fd1c5",
            AppbarBackground = "#1b1433",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
        },
    };
}
