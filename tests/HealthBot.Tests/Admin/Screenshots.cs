using Microsoft.Playwright;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Looks at a workspace page at desktop and at phone width (390 px): at the phone width nothing may need sideways
/// scrolling. With HEALTHBOT_SCREENSHOTS set to a folder, both views are also saved there as PNG for a person to look at.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("HEALTHBOT_SCREENSHOTS");
        var desktop = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 800 };
        foreach (var (width, height, label) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            if (label == "phone")
            {
                var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
                Assert.True(scrollWidth <= width, $"{name} needs sideways scrolling at {width} px ({scrollWidth} px wide)");
            }

            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{label}.png"), FullPage = true });
            }
        }

        await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
    }
}
