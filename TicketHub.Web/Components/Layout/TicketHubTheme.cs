using MudBlazor;

namespace TicketHub.Web.Components.Layout;

public static class TicketHubTheme
{
    // No web fonts: the app must look right with no internet, so the stack falls back to the system's UI fonts.
    private static readonly string[] Fonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    // Every colour that carries text meets WCAG 2.1 AA (4.5:1) against the surfaces it is drawn on, in both palettes:
    // the light one has dark status colours under white text, the dark one light colours under dark text. The page tour
    // runs axe over every page in both to keep it so.
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#5b3cc4",
            Secondary = "#b93a12",
            Tertiary = "#0f766e",
            Info = "#0b6bcb",
            Success = "#2e7d32",
            Warning = "#a04a06",
            Error = "#c62828",
            AppbarBackground = "#2d1e6b",
            Background = "#f7f6fb",
            TextSecondary = "#5c5c66",
            ActionDefault = "#5c5c66",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#a99bff",
            PrimaryContrastText = "#14102b",
            Secondary = "#ff9a76",
            SecondaryContrastText = "#1b1433",
            Tertiary = "#4fd1c5",
            TertiaryContrastText = "#0b1f1d",
            Info = "#6cb8ff",
            InfoContrastText = "#0b1a2b",
            Success = "#6fcf73",
            SuccessContrastText = "#0c1f0d",
            Warning = "#ffb74d",
            WarningContrastText = "#2b1a05",
            Error = "#ff8a80",
            ErrorContrastText = "#2b0a08",
            AppbarBackground = "#1b1433",
            Background = "#18181f",
            Surface = "#23232d",
            DrawerBackground = "#1f1f28",
            TextPrimary = "#ececf3",
            TextSecondary = "#b4b4c2",
            ActionDefault = "#b4b4c2",
            DrawerText = "#ececf3",
            DrawerIcon = "#b4b4c2",
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
