using System.Text.Json.Nodes;
using MelanomaExp.Cli.Commands;
using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Verification;

namespace MelanomaExp.Tests.Verification;

/// <summary>
/// <c>compact</c> on a report written before metrics.json left its curve points to predictions.csv
/// (<c>Golden/Reports/smoke-with-curves</c>: reports/smoke as committed at 44a532b, less its charts and their checksums).
/// </summary>
public class ReportCompactionTests
{
    private static readonly string WithCurves = Path.Combine(RepoPaths.Root, "tests", "MelanomaExp.Tests", "Golden", "Reports", "smoke-with-curves");

    private static string Copy(TempDir dir, string name)
    {
        var target = dir.Combine(name);
        foreach (var file in Directory.EnumerateFiles(WithCurves, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(WithCurves, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>metrics.json less the validation and test curve points: what compaction may change, and all it may change.</summary>
    private static JsonNode WithoutCurvePoints(string metricsFile)
    {
        var json = JsonNode.Parse(File.ReadAllText(metricsFile))!;
        foreach (var step in json["steps"]!.AsArray())
        {
            foreach (var set in new[] { "validation", "test" })
            {
                if (step![set]?["positive_class"] is JsonObject positive)
                {
                    positive.Remove("roc");
                    positive.Remove("precision_recall");
                }
            }
        }
        return json;
    }

    [Fact]
    public void Curve_points_go_and_every_other_figure_stays_and_verify_still_finds_the_report_intact()
    {
        using var dir = new TempDir();
        var report = Copy(dir, "smoke");
        var metrics = Path.Combine(report, ReportFiles.Metrics);
        var before = File.ReadAllText(metrics);
        Assert.Contains("\"roc\"", before, StringComparison.Ordinal);

        var result = ReportCompaction.Compact(report, dryRun: false);

        Assert.False(result.Damaged);
        var one = Assert.Single(result.Reports);
        Assert.Null(one.Note);
        Assert.Equal(new FileInfo(metrics).Length, one.BytesAfter);
        Assert.True(one.BytesAfter < one.BytesBefore / 2, $"{one.BytesBefore} -> {one.BytesAfter}");
        Assert.DoesNotContain("\"roc\"", File.ReadAllText(metrics), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(WithoutCurvePoints(Path.Combine(WithCurves, ReportFiles.Metrics)), JsonNode.Parse(File.ReadAllText(metrics))));
        // verify's check before a rerun: the checksums hold and every figure is what predictions.csv gives.
        var committed = CommittedReport.Read(report);
        Assert.Empty(ReportIntegrity.Check(committed, out _));
        Assert.Empty(PredictionCheck.Recompute(committed, ExperimentLoader.Parse(committed.ResolvedYaml, "resolved")));

        var again = ReportCompaction.Compact(report, dryRun: false);
        Assert.Equal("already compact", Assert.Single(again.Reports).Note);
    }

    [Fact]
    public void One_damaged_report_of_a_study_stops_every_rewrite_and_the_cli_exits_3()
    {
        using var dir = new TempDir();
        var sound = Copy(dir, Path.Combine("study", "runs", "a"));
        var damaged = Copy(dir, Path.Combine("study", "runs", "b"));
        // One image's answer changed in predictions.csv, its checksum line too: only the recomputation can tell.
        var csv = Path.Combine(damaged, ReportFiles.Predictions);
        var lines = File.ReadAllLines(csv);
        var cells = lines[1].Split(',');
        cells[4] = cells[4] == "nevus" ? "melanoma" : "nevus";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(csv, lines);
        var checksums = Path.Combine(damaged, ReportChecksums.FileName);
        File.WriteAllLines(checksums, File.ReadAllLines(checksums).Select(l => l.EndsWith("  " + ReportFiles.Predictions, StringComparison.Ordinal) ? $"{FileSha256.Of(csv)}  {ReportFiles.Predictions}" : l));
        var original = File.ReadAllBytes(Path.Combine(WithCurves, ReportFiles.Metrics));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(3, CliApp.Run(["compact", dir.Combine("study")], stdout, stderr));

        Assert.Contains("damaged: metrics.json and predictions.csv disagree", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing written", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(sound, ReportFiles.Metrics)));
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(damaged, ReportFiles.Metrics)));
    }

    [Fact]
    public void A_dry_run_writes_nothing_and_a_folder_without_a_report_is_bad_input()
    {
        using var dir = new TempDir();
        var report = Copy(dir, "smoke");
        var original = File.ReadAllBytes(Path.Combine(report, ReportFiles.Metrics));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(0, CliApp.Run(["compact", report, "--dry-run"], stdout, stderr));
        Assert.Contains("nothing written", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(report, ReportFiles.Metrics)));
        // A run's state or a staging folder (hidden) inside a study is the tool's own, not a report.
        Copy(dir, Path.Combine("study", "runs", "a"));
        Copy(dir, Path.Combine("study", ".a.run", "staged"));
        var listed = ReportCompaction.Compact(dir.Combine("study"), dryRun: true);
        Assert.Equal([dir.Combine("study", "runs", "a")], listed.Reports.Select(r => r.Dir));
        Directory.CreateDirectory(dir.Combine("empty"));
        Assert.Equal(2, CliApp.Run(["compact", dir.Combine("empty")], stdout, stderr));
        Assert.Contains("no report inside", stderr.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Without predictions.csv the curve points are the only record of the curves: kept.</summary>
    [Fact]
    public void A_report_without_predictions_keeps_its_curves()
    {
        using var dir = new TempDir();
        var report = Copy(dir, "smoke");
        File.Delete(Path.Combine(report, ReportFiles.Predictions));
        var original = File.ReadAllBytes(Path.Combine(report, ReportFiles.Metrics));
        var result = ReportCompaction.Compact(report, dryRun: false);
        Assert.StartsWith("kept as it is: no predictions.csv", Assert.Single(result.Reports).Note, StringComparison.Ordinal);
        Assert.Equal(original, File.ReadAllBytes(Path.Combine(report, ReportFiles.Metrics)));
    }
}
