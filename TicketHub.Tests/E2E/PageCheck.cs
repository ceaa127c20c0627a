using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace TicketHub.Tests.E2E;

/// <summary>
/// What the page tour checks on every page, beyond its own content: axe (WCAG 2.1 A and AA) finds nothing serious or
/// critical in the light and the dark theme, and at phone (390 px) and tablet (768 px) widths nothing scrolls sideways
/// and no button label wraps. Problems are collected per page so one run names them all.
/// </summary>
public sealed class PageCheck(IPage page)
{
    public const int PhoneWidth = 390;
    public const int TabletWidth = 768;
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public List<string> Problems { get; } = [];

    public async Task AccessibleInBothThemesAsync(string name)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme });
            await page.WaitForFunctionAsync(DarkBackgroundScript, scheme == ColorScheme.Dark);
            await SettledAsync();
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                foreach (var node in violation.Nodes)
                    Problems.Add($"{name} ({scheme}): axe {violation.Id} ({violation.Impact}) at {string.Join(" ", node.Target)}: {node.Html}");
        }
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
    }

    /// <summary>At each narrow width: no sideways scrolling and no wrapped button labels; a screenshot at phone width.</summary>
    public async Task FitsPhonesAndTabletsAsync(string name, string screenshotPath)
    {
        foreach (var width in new[] { PhoneWidth, TabletWidth })
        {
            await page.SetViewportSizeAsync(width, width == PhoneWidth ? 844 : 1024);
            await SettledAsync();
            // MudBlazor re-lays some components out (the drawer) once its resize listener fires: give it a moment.
            if (!await EventuallyAsync($"() => ({OverflowScript})() <= 0 && ({WrappedButtonsScript})().length === 0"))
            {
                if (await page.EvaluateAsync<int>(OverflowScript) is var overflow and > 0)
                    Problems.Add($"{name} at {width} px: the page scrolls sideways by {overflow} px");
                foreach (var label in await page.EvaluateAsync<string[]>(WrappedButtonsScript))
                    Problems.Add($"{name} at {width} px: the button \"{label}\" wraps");
            }
            if (width == PhoneWidth)
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshotPath, FullPage = true });
        }
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await SettledAsync();
    }

    /// <summary>True once the condition holds, false if it still does not after a few seconds.</summary>
    private async Task<bool> EventuallyAsync(string condition)
    {
        try
        {
            await page.WaitForFunctionAsync(condition, null, new PageWaitForFunctionOptions { Timeout = 5_000 });
            return true;
        }
        catch (TimeoutException)
        {
            return false;   // the caller reports what is still wrong
        }
    }

    /// <summary>Waits until no finite CSS transition or animation is running, so colours and layout are final.</summary>
    private async Task SettledAsync()
    {
        await page.WaitForFunctionAsync("""
            () => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
            """);
    }

    // True once the page's background matches the wanted scheme (the stylesheet's media query has applied).
    private const string DarkBackgroundScript = """
        dark => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return ((0.2126 * r + 0.7152 * g + 0.0722 * b) < 128) === dark;
        }
        """;

    private const string OverflowScript = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    // A label on two lines is taller than one and a half of its lines.
    private const string WrappedButtonsScript = """
        () => [...document.querySelectorAll('.mud-button-label, .th-button')]
            .filter(el => el.offsetParent !== null && el.textContent.trim().length > 0)
            .filter(el => {
                const style = getComputedStyle(el);
                const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
                const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
                return el.getBoundingClientRect().height - padding > line * 1.5;
            })
            .map(el => el.textContent.trim())
        """;
}
