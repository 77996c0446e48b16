using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Reporting.Verification;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Safety;

namespace MelanomaExp.Verification;

/// <summary>Re-runs the experiment recorded in a committed report and compares every metric and the environment.</summary>
public static class Verifier
{
    /// <summary>How many extra seeds verify runs by default to measure the seed spread itself, when the numerics differ and no seed study is found.</summary>
    public const int DefaultExtraSeeds = 3;

    public static VerificationResult Verify(string reportDir, RunOptions options, CancellationToken cancel = default) => Verify(reportDir, options, null, DefaultExtraSeeds, cancel);

    /// <param name="reportDir">The committed report.</param>
    /// <param name="options">How to run the rerun (its output folder, data root, device).</param>
    /// <param name="seedStudy">A sweep folder with a seed study of this experiment; null looks for one beside the report.</param>
    /// <param name="extraSeeds">
    /// On other numerics without a seed study: how many further seeds to run (under <c>seeds/</c> in the output) to
    /// measure the spread the headline figures are judged against; 0 judges by the fixed tolerances alone, and says so.
    /// </param>
    /// <param name="cancel">Stops the reruns.</param>
    public static VerificationResult Verify(string reportDir, RunOptions options, string? seedStudy, int extraSeeds, CancellationToken cancel = default)
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
        var spread = SeedSpread.Find(reportDir, experiment.Name, seedStudy);
        if (spread is null && !result.SameNumerics && extraSeeds > 0)
        {
            spread = MeasureSpread(experiment, fresh, rerun, target.Path, extraSeeds, cancel);
        }
        result = spread is not null ? spread.Judge(result) : result with { SeedsSkipped = !result.SameNumerics };
        WriteVerdict(target.Path, VerificationMarkdown.Render(result));
        return result;
    }

    /// <summary>
    /// Runs the experiment with <paramref name="count"/> further seeds (seed+1, seed+2...) and measures each headline
    /// figure's standard deviation over them and the rerun: the spread another seed gives on this machine.
    /// </summary>
    private static SeedSpread MeasureSpread(Experiment experiment, CommittedReport rerun, RunOptions options, string output, int count, CancellationToken cancel)
    {
        var runs = new List<CommittedReport> { rerun };
        for (var n = 1; n <= count; n++)
        {
            var seed = experiment.Seed + n;
            var dir = Path.Combine(output, "seeds", $"seed{seed}");
            options.Log?.Invoke($"seed spread: running seed {seed} ({n} of {count}) into {dir}");
            var other = ExperimentLoader.Parse(experiment.ResolvedYaml, experiment.SourcePath, [$"seed={seed}"]);
            ExperimentRunner.Run(other, options with { OutputDir = dir, Force = true, Resume = false }, cancel);
            runs.Add(CommittedReport.Read(dir));
        }
        var cells = runs.SelectMany(r => r.Values()).Where(v => v.Value is not null).GroupBy(v => (v.Step, v.Metric))
            .Where(g => g.Count() == runs.Count)
            .ToDictionary(g => g.Key, g => (MathNet.Numerics.Statistics.Statistics.StandardDeviation(g.Select(v => v.Value!.Value)), runs.Count));
        return new SeedSpread($"{count} further seeds run by verify here ({Path.Combine(output, "seeds")})", cells);
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
