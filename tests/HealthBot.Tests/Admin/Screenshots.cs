using Microsoft.Playwright;

namespace HealthBot.Tests.Admin;

/// <summary>
/// Looks at a workspace page at desktop and at phone width (390 px): at the phone width nothing may need sideways
/// scrolling. With HEALTHBOT_SCREENSHOTS set to a folder, both views are also saved there as PNG for a person to look at.
/// </summary>
public static class Screenshots
{
    // The first element wider than the viewport, outside the blocks meant to scroll sideways (.scroll), or "".
    private const string Widest = """
        () => {
          const w = document.documentElement.clientWidth;
          for (const e of document.querySelectorAll('body *')) {
            if (e.closest('.scroll')) continue;
            const r = e.getBoundingClientRect();
            if (r.right > w + 1) return e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(r.right) + 'px';
          }
          return document.documentElement.scrollWidth > w ? 'page ' + document.documentElement.scrollWidth + 'px' : '';
        }
        """;

    public static async Task TakeAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("HEALTHBOT_SCREENSHOTS");
        var desktop = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 800 };
        foreach (var (width, height, label) in new[] { (1280, 800, "desktop"), (390, 844, "phone") })
        {
            await page.SetViewportSizeAsync(width, height);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{label}.png"), FullPage = true });
            }

            if (label == "phone")
            {
                var wide = await page.EvaluateAsync<string>(Widest);
                Assert.True(string.IsNullOrEmpty(wide), $"{name} needs sideways scrolling at {width} px: {wide}");
            }
        }

        await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
    }
}
