using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Safety;

namespace MelanomaExp.Verification;

/// <summary>Re-runs the experiment recorded in a committed report and compares every metric and the environment.</summary>
public static class Verifier
{
    public static VerificationResult Verify(string reportDir, RunOptions options, CancellationToken cancel = default) => Verify(reportDir, options, null, cancel);

    /// <param name="seedStudy">A sweep folder with a seed study of this experiment; null looks for one beside the report.</param>
    public static VerificationResult Verify(string reportDir, RunOptions options, string? seedStudy, CancellationToken cancel = default)
    {
        var committed = CommittedReport.Read(reportDir);
        var experiment = ExperimentLoader.Parse(committed.ResolvedYaml, ReportFolder.ManifestPath(reportDir) + " (resolved experiment)");
        var damage = ReportIntegrity.Check(committed, out var note).Concat(PredictionCheck.Recompute(committed, experiment)).ToList();
        // The rerun may never write into, or replace, the report it is checking; its report is what is compared, so it is always written.
        var rerun = options with { Sink = options.Sink ?? ReportSink.Instance, DataRoot = options.DataRoot ?? committed.DataRoot, Inputs = [.. options.Inputs, new ProtectedPath(reportDir, "the report being verified", NoWritingInside: true)] };
        var target = ExperimentRunner.ClaimOutput(experiment, rerun, rerun.ResolveDataRoot(experiment));
        using var writer = OutputLock.Acquire(target);
        if (damage.Count > 0)
        {
            // Nothing to rerun against: the figures are not the ones the tool wrote. The verdict still goes where it would have.
            var refused = new VerificationResult(committed.Dir, [], []) { Integrity = damage };
            target.CreateAndMark();
            WriteVerdict(target.Path, VerificationMarkdown.Render(refused));
            return refused;
        }
        DataCheck.SameAsCommitted(committed, experiment, rerun.ResolveDataRoot(experiment));
        ExperimentRunner.Run(experiment, rerun, cancel);
        var fresh = CommittedReport.Read(target.Path);
        var result = Compare(committed, fresh, experiment.Verify) with { IntegrityNote = note, Pairs = PredictionCheck.Pair(committed, fresh) };
        result = SeedSpread.Find(reportDir, experiment.Name, seedStudy) is { } spread ? spread.Judge(result) : result;
        WriteVerdict(target.Path, VerificationMarkdown.Render(result));
        return result;
    }

    /// <summary>Writes VERIFY.md beside the rerun's report and records it as the tool's own file there.</summary>
    private static void WriteVerdict(string outputDir, string markdown)
    {
        File.WriteAllText(Path.Combine(outputDir, ReportFiles.Verdict), markdown);
        OutputMarker.Add(outputDir, "run", ReportFiles.Verdict);
    }

    public static VerificationResult Compare(CommittedReport committed, CommittedReport fresh, VerifySpec tolerance)
    {
        var reproduced = fresh.Values().ToDictionary(v => (v.Step, v.Metric), v => v.Value);
        var checks = new List<MetricCheck>();
        foreach (var (step, metric, value) in committed.Values())
        {
            if (value is null)
            {
                continue;
            }
            var again = reproduced.GetValueOrDefault((step, metric));
            var tol = ReportMetric.Named(metric).IsLoss ? tolerance.LossTolerance : tolerance.AccuracyTolerance;
            var verdict = again is null ? Verdict.NotReproduced
                : again.Value.Equals(value.Value) ? Verdict.Identical
                : Math.Abs(again.Value - value.Value) <= tol ? Verdict.WithinTolerance
                : Verdict.NotReproduced;
            checks.Add(new MetricCheck(step, metric, value, again, tol, verdict));
        }
        var (figures, leftOut) = FigureComparison.Compare(committed.Metrics, fresh.Metrics, tolerance);
        return new VerificationResult(committed.Dir, checks, EnvironmentDifferences(committed.Folder, fresh.Folder))
        {
            Figures = figures,
            LeftOut = leftOut,
            Numerics = NumericsIdentity.Differences(committed.Folder, fresh.Folder),
        };
    }

    /// <summary>Every provenance property (data fingerprints, tool version, machine, packages) on which the two reports differ.</summary>
    public static List<EnvironmentDifference> EnvironmentDifferences(ReportFolder before, ReportFolder after) =>
        [.. before.Provenance.Zip(after.Provenance).Where(p => p.First.Value != p.Second.Value).Select(p => new EnvironmentDifference(p.First.Property, p.First.Value, p.Second.Value))];
}
