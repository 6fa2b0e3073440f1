using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using IoBench.Report;

namespace IoBench.Tests.Report;

/// <summary>
/// Every chart, rendered in a real browser: Debian's chromium, headless (scripts/test.sh installs it when missing; set
/// IOBENCH_CHROMIUM to use another binary). A chart that renders wrong is a defect nobody sees in the markdown. The
/// charts are those of the fixtures (the starvation lab's timelines and bursts included), of every published data file and every chart checked in under results/; they are
/// laid out on a few pages of 16 (one browser start per page, a few seconds in all) and each page's screenshot is cut
/// back into charts, each of which must show ink where a chart has it: title, plot, coloured lines, legend, caption.
/// </summary>
public sealed class ChartBrowserTests
{
    private const int Columns = 4, PerPage = 16;

    [Fact]
    public void EveryChart_RenderedInHeadlessChromium_IsNotBlankAndHasItsSize()
    {
        var browser = Browser() ?? throw new InvalidOperationException("chromium is not installed: scripts/test.sh installs it (apt-get install chromium), or set IOBENCH_CHROMIUM to a Chromium binary.");
        var charts = Charts().ToList();
        Assert.True(charts.Count >= 2, "no chart to render");

        var folder = Directory.CreateTempSubdirectory("iobench-charts-");
        try
        {
            var failures = new List<string>();
            foreach (var (page, number) in charts.Chunk(PerPage).Select((page, i) => (page, i)))
            {
                failures.AddRange(RenderPage(browser, folder.FullName, number, page));
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The fixture's charts, every published data file's charts, and every checked-in chart.</summary>
    private static IEnumerable<(string Name, string Svg)> Charts()
    {
        var dataFiles = new[] { ReportFixture.DataFile, StarvationFixture.DataFile, ParallelReportTests.Fixture }.Concat(Directory.GetDirectories(Repository.PathOf("results")).Order(StringComparer.Ordinal)
            .Select(folder => Path.Combine(folder, RunData.FileName)).Where(File.Exists));
        foreach (var dataFile in dataFiles)
        {
            foreach (var (fileName, text) in ReportSet.Render(ReportSet.Read(dataFile)).Where(f => f.FileName.EndsWith(".svg", StringComparison.Ordinal)))
            {
                yield return ($"{Path.GetFileName(Path.GetDirectoryName(dataFile))}/{fileName} (rendered)", text);
            }
        }

        foreach (var chart in Directory.GetFiles(Repository.PathOf("results"), "chart-*.svg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            yield return (Path.GetRelativePath(Repository.Root, chart), File.ReadAllText(chart));
        }
    }

    private static IEnumerable<string> RenderPage(string browser, string folder, int number, IReadOnlyList<(string Name, string Svg)> charts)
    {
        const int width = IoBench.Report.Charts.FamilyChart.Width, height = IoBench.Report.Charts.FamilyChart.Height;
        var rows = (charts.Count + Columns - 1) / Columns;
        var html = new StringBuilder($"<!DOCTYPE html><html><body style=\"margin:0;background:#fff\"><div style=\"display:grid;grid-template-columns:repeat({Columns},{width}px);grid-auto-rows:{height}px\">");
        for (var i = 0; i < charts.Count; i++)
        {
            var root = XDocument.Parse(charts[i].Svg).Root!; // well-formed XML, or the browser shows an error instead
            if ((string?)root.Attribute("width") != width.ToString(CultureInfo.InvariantCulture) || (string?)root.Attribute("height") != height.ToString(CultureInfo.InvariantCulture))
            {
                yield return $"{charts[i].Name}: declares {root.Attribute("width")} x {root.Attribute("height")}, not {width} x {height}";
            }

            var file = $"page{number}-chart{i}.svg";
            File.WriteAllText(Path.Combine(folder, file), charts[i].Svg);
            html.Append(CultureInfo.InvariantCulture, $"<img src=\"{file}\" style=\"display:block\">");
        }

        var pagePath = Path.Combine(folder, $"page{number}.html");
        File.WriteAllText(pagePath, html.Append("</div></body></html>").ToString());
        var png = Path.Combine(folder, $"page{number}.png");
        Screenshot(browser, pagePath, png, Columns * width, rows * height);
        var image = PngImage.Read(png);
        if (image.Width != Columns * width || image.Height != rows * height)
        {
            yield return $"page {number}: screenshot is {image.Width} x {image.Height}, not {Columns * width} x {rows * height}";
            yield break;
        }

        for (var i = 0; i < charts.Count; i++)
        {
            var (x0, y0) = (i % Columns * width, i / Columns * height);
            var ink = Ink(image, x0, y0, width, height);
            var problems = new List<string>();
            if (ink is < 0.01 or > 0.6)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{ink:P1} of its pixels are ink (blank, or a wall of colour)"));
            }

            foreach (var (region, x, y, w, h) in new[] { ("title", 78, 5, 300, 25), ("plot", 78, 40, 560, 440), ("legend", 668, 36, 280, 60), ("caption", 78, 540, 600, 58) })
            {
                if (Ink(image, x0 + x, y0 + y, w, h) < 0.003)
                {
                    problems.Add($"nothing drawn in the {region}");
                }
            }

            if (!Coloured(image, x0 + 78, y0 + 40, 560, 440))
            {
                problems.Add("no coloured line in the plot");
            }

            if (problems.Count > 0)
            {
                yield return $"{charts[i].Name}: {string.Join("; ", problems)}";
            }
        }
    }

    private static void Screenshot(string browser, string page, string png, int width, int height)
    {
        var start = new ProcessStartInfo(browser)
        {
            ArgumentList = { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1", $"--screenshot={png}", $"--window-size={width},{height}", new Uri(page).AbsoluteUri },
            RedirectStandardOutput = true,
            RedirectStandardError = true, // D-Bus complaints, harmless
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish a screenshot of {page} within 90 s");
        }

        Assert.True(File.Exists(png), $"chromium wrote no screenshot (exit {process.ExitCode}): {error.Result}{output.Result}");
    }

    /// <summary>The share of pixels in a rectangle that are not (near) white.</summary>
    private static double Ink(PngImage image, int x0, int y0, int width, int height)
    {
        var ink = 0;
        for (var y = y0; y < y0 + height; y++)
        {
            for (var x = x0; x < x0 + width; x++)
            {
                var (r, g, b) = image[x, y];
                ink += r < 230 || g < 230 || b < 230 ? 1 : 0;
            }
        }

        return (double)ink / (width * height);
    }

    /// <summary>At least a few saturated pixels: the strategies' lines or markers (a family may have one N), not only grey axes and text.</summary>
    private static bool Coloured(PngImage image, int x0, int y0, int width, int height)
    {
        var coloured = 0;
        for (var y = y0; y < y0 + height; y++)
        {
            for (var x = x0; x < x0 + width; x++)
            {
                var (r, g, b) = image[x, y];
                coloured += Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 80 ? 1 : 0;
            }
        }

        return coloured > 20;
    }

    private static string? Browser()
    {
        if (Environment.GetEnvironmentVariable("IOBENCH_CHROMIUM") is { Length: > 0 } chosen)
        {
            return chosen;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium"))
            .FirstOrDefault(File.Exists);
    }
}
