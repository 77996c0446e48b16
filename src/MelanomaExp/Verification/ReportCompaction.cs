using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Documents;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>
/// <c>compact</c>: takes out of a committed report's metrics.json what its predictions.csv gives exactly, the ROC and
/// precision-recall points of validation and test (most of the file), so the report is what the tool writes today. Nothing is dropped until
/// verify's own integrity check has passed: the checksums hold, every figure recomputed from predictions.csv equals
/// metrics.json (curve points included), and the file reads back through its record byte for byte, so the rewrite
/// changes the curve points and nothing else. Then metrics.json is replaced and its line in checksums.sha256 updated.
/// Charts are left as they are: re-encoding them would lose pixels, and they are not derived data.
/// </summary>
public static class ReportCompaction
{
    /// <summary>
    /// Every report folder (metrics.json beside manifest.json) at or under <paramref name="path"/>: a run's folder or a
    /// study's. All are checked before any is changed; one that fails a check is named and nothing is written.
    /// </summary>
    /// <param name="path">A report or a study folder.</param>
    /// <param name="dryRun">Check and measure only.</param>
    public static CompactionResult Compact(string path, bool dryRun)
    {
        if (!Directory.Exists(path))
        {
            throw new BadInputException($"{path}: report folder not found");
        }
        var folders = Directory.EnumerateFiles(path, ReportFiles.Metrics, SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            // Hidden folders are the tool's own state (a run's checkpoints, a staging folder being written): not reports.
            .Where(d => File.Exists(ReportFolder.ManifestPath(d)) && !Path.GetRelativePath(path, d).Split(Path.DirectorySeparatorChar).Any(s => s.StartsWith('.') && s != "."))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (folders.Count == 0)
        {
            throw new BadInputException($"{path}: no report inside (no metrics.json beside a manifest.json)");
        }
        var plans = folders.Select(Plan).ToList();
        var damaged = plans.Where(p => p.Problem is not null).ToList();
        if (!dryRun && damaged.Count == 0)
        {
            foreach (var plan in plans.Where(p => p.Compacted is not null))
            {
                Replace(plan.Dir, plan.Compacted!);
            }
        }
        return new CompactionResult([.. plans.Select(p => new CompactedReport(p.Dir, p.Before, p.Compacted is null ? p.Before : p.Compacted.Length, p.Problem ?? p.Skipped, p.Problem is not null))], damaged.Count > 0, dryRun || damaged.Count > 0);
    }

    private sealed record Planned(string Dir, long Before, byte[]? Compacted, string? Skipped, string? Problem);

    private static Planned Plan(string dir)
    {
        var metricsPath = ReportFolder.MetricsPath(dir);
        var before = new FileInfo(metricsPath).Length;
        if (!File.Exists(Path.Combine(dir, ReportFiles.Predictions)))
        {
            return new(dir, before, null, $"kept as it is: no {ReportFiles.Predictions}, so its curve points are the only record of the curves", null);
        }
        var report = CommittedReport.Read(dir);
        var raw = File.ReadAllBytes(metricsPath);
        var document = ReportFolder.MetricsOf(report.Metrics, metricsPath);
        if (!document.Steps.Any(s => Sets(s).Any(HasCurves)))
        {
            return new(dir, before, null, "already compact", null);
        }
        if (ReportChecksums.Check(dir) is null)
        {
            return new(dir, before, null, null, $"no {ReportChecksums.FileName}: the file cannot be shown to be the one the tool wrote, so nothing is dropped");
        }
        Experiment experiment;
        try
        {
            experiment = ExperimentLoader.Parse(report.ResolvedYaml, ReportFolder.ManifestPath(dir) + " (resolved experiment)");
        }
        catch (BadInputException e)
        {
            // Its figures cannot be recomputed by this version, so nothing is dropped; the report is not damaged for that.
            return new(dir, before, null, $"kept as it is: its experiment does not load in this version ({e.Message})", null);
        }
        var problems = ReportIntegrity.Check(report, out _).Concat(PredictionCheck.Recompute(report, experiment)).ToList();
        if (problems.Count > 0)
        {
            return new(dir, before, null, null, problems[0]);
        }
        if (!Render(document).AsSpan().SequenceEqual(raw))
        {
            return new(dir, before, null, null, $"{ReportFiles.Metrics} does not read back through its record byte for byte (an older format?), so it is not rewritten");
        }
        return new(dir, before, Render(WithoutCurves(document)), null, null);
    }

    /// <summary>The sets whose figures predictions.csv gives (the test without its training copies is a pass of its own, not in it).</summary>
    private static IEnumerable<SetEvaluationDocument> Sets(MetricsStep s) =>
        new[] { s.Validation, s.Test }.OfType<SetEvaluationDocument>();

    private static bool HasCurves(SetEvaluationDocument set) => set.PositiveClass is { } p && (p.Roc is not null || p.PrecisionRecall is not null);

    private static MetricsDocument WithoutCurves(MetricsDocument d) => d with
    {
        Steps = [.. d.Steps.Select(s => s with
        {
            Validation = WithoutCurves(s.Validation)!,
            Test = WithoutCurves(s.Test),
        })],
    };

    private static SetEvaluationDocument? WithoutCurves(SetEvaluationDocument? set) =>
        set?.PositiveClass is not { } p ? set : set with { PositiveClass = p with { Roc = null, PrecisionRecall = null } };

    private static byte[] Render(MetricsDocument d) =>
        System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(d, ReportDocumentContext.Default.MetricsDocument) + "\n");

    /// <summary>
    /// metrics.json and checksums.sha256 (its one line changed) both written beside first, then both moved into place,
    /// so an interruption leaves the report as it was or, between the two moves only, one rename short.
    /// </summary>
    private static void Replace(string dir, byte[] metrics)
    {
        var metricsPath = ReportFolder.MetricsPath(dir);
        var checksumsPath = Path.Combine(dir, ReportChecksums.FileName);
        File.WriteAllBytes(metricsPath + Temporary, metrics);
        File.WriteAllText(checksumsPath + Temporary, ReportChecksums.WithEntry(dir, ReportFiles.Metrics, FileSha256.Of(metricsPath + Temporary)));
        File.Move(metricsPath + Temporary, metricsPath, overwrite: true);
        File.Move(checksumsPath + Temporary, checksumsPath, overwrite: true);
    }

    private const string Temporary = ".compact.tmp";
}

/// <summary>What <see cref="ReportCompaction.Compact"/> did (or would do) to each report folder.</summary>
/// <param name="Reports">Each folder, in path order.</param>
/// <param name="Damaged">Whether a folder failed a check (then nothing was written).</param>
/// <param name="NothingWritten">A dry run, or a damaged folder.</param>
public sealed record CompactionResult(IReadOnlyList<CompactedReport> Reports, bool Damaged, bool NothingWritten);

/// <summary>One report folder: metrics.json's size before and after, and why it was left as it is or, when <paramref name="Damaged"/>, what is wrong with it.</summary>
public sealed record CompactedReport(string Dir, long BytesBefore, long BytesAfter, string? Note, bool Damaged);
