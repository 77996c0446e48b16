using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class CompactReportTests
{
    [Fact]
    public void A_compact_report_keeps_every_figure_and_data_file_and_draws_and_links_no_chart()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        CompactReport.Write(run, dir.Path, []);
        var files = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir.Path, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["README.md", "history.csv", "manifest.json", "metrics.json", "predictions.csv"], files);
        var readme = File.ReadAllText(dir.Combine("README.md"));
        Assert.DoesNotContain(".png", readme, StringComparison.Ordinal);
        Assert.Contains(CompactReport.Note, readme, StringComparison.Ordinal);
        // The text of the full report is all there, less the images: the summary table and the experiment file.
        var full = MarkdownReport.Render(run);
        var summary = full.Split('\n').First(l => l.StartsWith("| base | validation", StringComparison.Ordinal));
        Assert.Contains(summary, readme, StringComparison.Ordinal);
        Assert.Contains("## Experiment file (resolved)", readme, StringComparison.Ordinal);
        Assert.True(readme.Length > full.Length / 2);
    }
}
