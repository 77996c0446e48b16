using MelanomaExp.Cli.Commands;
using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ResultsIndexTests
{
    /// <summary>The guard against drift: the committed table must be exactly what the committed reports give.</summary>
    [Fact]
    public void The_committed_results_file_is_what_the_committed_reports_give()
    {
        var reports = Path.Combine(RepoPaths.Root, "reports");
        Assert.Equal(ResultsIndex.Render(reports), File.ReadAllText(Path.Combine(reports, "RESULTS.md")));
    }

    [Fact]
    public void The_table_reads_each_report_and_check_fails_when_a_figure_moved()
    {
        using var dir = new TempDir();
        CopyReport(Path.Combine(RepoPaths.Root, "reports", "smoke"), dir.Combine("reports", "smoke"));
        var text = ResultsIndex.Render(dir.Combine("reports"));
        Assert.Contains("| [`smoke`](smoke/README.md) | base | 72 | 23.61% |", text, StringComparison.Ordinal);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var file = dir.Combine("reports", "RESULTS.md");
        Assert.Equal(0, CliApp.Run(["results", dir.Combine("reports"), "--output", file], stdout, stderr));
        Assert.Equal(0, CliApp.Run(["results", dir.Combine("reports"), "--check", file], stdout, stderr));

        var metrics = dir.Combine("reports", "smoke", "metrics.json");
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace("\"images\": 72", "\"images\": 71", StringComparison.Ordinal));
        Assert.Equal(3, CliApp.Run(["results", dir.Combine("reports"), "--check", file], stdout, stderr));
        Assert.Contains("out of date with the reports", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_a_person_wrote_is_not_replaced()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("reports"));
        File.WriteAllText(dir.Combine("mine.md"), "my summary");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, CliApp.Run(["results", dir.Combine("reports"), "--output", dir.Combine("mine.md")], stdout, stderr));
        Assert.Equal("my summary", File.ReadAllText(dir.Combine("mine.md")));
    }

    private static void CopyReport(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
