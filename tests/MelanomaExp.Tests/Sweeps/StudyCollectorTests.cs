using MelanomaExp.Reporting;
using MelanomaExp.Reporting.Studies;
using MelanomaExp.Results;
using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

public class StudyCollectorTests
{
    [Fact]
    public void Runs_from_different_cpus_are_flagged_and_a_missing_run_is_listed()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        SweepRow Row(int seed) => new($"default-seed{seed}", "default", [], seed, run.Experiment.Hash, null);
        var plan = new SweepPlan("fixed", "fixed.yaml", [], null, [Row(1), Row(2), Row(3)]);
        plan.Write(dir.Path);
        ReportWriter.Write(run, SweepPlan.RunDir(dir.Path, "default-seed1"));
        ReportWriter.Write(run with { Environment = run.Environment with { Cpu = "Other CPU" } }, SweepPlan.RunDir(dir.Path, "default-seed2"));

        var study = StudyCollector.Collect(dir.Path);
        StudyReport.Write(study);
        Assert.True(study.MixedHardware);
        Assert.Equal([RunStatus.Done, RunStatus.Done, RunStatus.Pending], study.Runs.Select(r => r.Status));
        var accuracy = study.Cells.Single(c => c.Step == "base" && c.Metric.Name == "val_accuracy");
        Assert.Equal([1, 2], accuracy.Seeds);
        Assert.Equal(run.Steps[0].Validation.Metrics.Accuracy, accuracy.Statistic.Mean, 12);
        Assert.Equal(0, accuracy.Statistic.StandardDeviation);
        // Both runs have the same figures: dropout (1) beats base (2/3) by exactly 1/3 with either seed, no noise at all.
        var steps = study.Comparisons.Single(c => c.Metric == "val_accuracy" && c.Between == "steps");
        Assert.Equal(1 / 3.0, steps.Mean, 12);
        Assert.Equal(0, steps.PValue);
        // Holm runs over every test the study states: one pair of steps per compared metric that has a p-value.
        Assert.Equal(study.Comparisons.Count(c => c.PValue is not null), steps.FamilySize);
        Assert.True(steps.FamilySize > 1);
        Assert.True(steps.AdjustedPValue >= steps.PValue);
        var readme = File.ReadAllText(dir.Combine("README.md"));
        Assert.Contains("**Mixed hardware**", readme, StringComparison.Ordinal);
        Assert.Contains("### default-seed3: pending (not started)", readme, StringComparison.Ordinal);
        Assert.Contains("**2 done**", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cost_per_run_gives_each_steps_training_time_over_the_runs_and_their_sum()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        SweepRow Row(int seed) => new($"default-seed{seed}", "default", [], seed, run.Experiment.Hash, null);
        new SweepPlan("fixed", "fixed.yaml", [], null, [Row(1), Row(2), Row(3)]).Write(dir.Path);
        RunResult Timed(double first, double second) => run with { Steps = [run.Steps[0] with { Seconds = first }, run.Steps[1] with { Seconds = second }] };
        ReportWriter.Write(Timed(10, 200), SweepPlan.RunDir(dir.Path, "default-seed1"));
        ReportWriter.Write(Timed(30, 400), SweepPlan.RunDir(dir.Path, "default-seed2"));
        // A run without the second step: its first step counts, and it is left out of the sum rather than summed short.
        ReportWriter.Write(run with { Experiment = run.Experiment with { Steps = [run.Experiment.Steps[0]] }, Steps = [run.Steps[0] with { Seconds = 50 }], Comparisons = [] }, SweepPlan.RunDir(dir.Path, "default-seed3"));

        var study = StudyCollector.Collect(dir.Path);
        var base_ = study.Costs.Single(c => c.Step == run.Steps[0].Name);
        Assert.Equal([1, 2, 3], base_.Seeds);
        Assert.Equal([10.0, 30.0, 50.0], base_.Seconds);
        var readme = StudyReport.Markdown(study);
        Assert.Contains($"| {run.Steps[0].Name} | 3 | 30 s | 10 s | 50 s |", readme, StringComparison.Ordinal);
        Assert.Contains($"| {run.Steps[1].Name} | 2 | 5.0 min | 3.3 min | 6.7 min |", readme, StringComparison.Ordinal);
        // Seed 1 took 210 s in all, seed 2 430 s; seed 3 has no second step.
        Assert.Contains("| **all steps' training, summed** | 2 | 5.3 min | 3.5 min | 7.2 min |", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_primary_figure_leads_the_study_report_and_none_leaves_it_out()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        SweepRow Row(int seed) => new($"default-seed{seed}", "default", [], seed, run.Experiment.Hash, null);
        new SweepPlan("fixed", "fixed.yaml", [], null, [Row(1), Row(2)]) { Primary = "val_accuracy" }.Write(dir.Path);
        ReportWriter.Write(run, SweepPlan.RunDir(dir.Path, "default-seed1"));
        ReportWriter.Write(run, SweepPlan.RunDir(dir.Path, "default-seed2"));

        var readme = StudyReport.Markdown(StudyCollector.Collect(dir.Path));
        var primary = readme.IndexOf("## Primary figure: validation accuracy", StringComparison.Ordinal);
        Assert.True(primary > 0 && primary < readme.IndexOf("## Ranked by mean validation accuracy", StringComparison.Ordinal), readme);
        // The step comparison on the primary figure is listed under it with its Holm-adjusted p.
        Assert.Contains("| base | dropout |", readme[primary..readme.IndexOf("## Ranked", StringComparison.Ordinal)], StringComparison.Ordinal);

        new SweepPlan("fixed", "fixed.yaml", [], null, [Row(1), Row(2)]).Write(dir.Path);
        Assert.DoesNotContain("## Primary figure", StudyReport.Markdown(StudyCollector.Collect(dir.Path)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_paired_test_finds_a_consistent_difference_and_not_a_noisy_one()
    {
        var a = new StudyCell("p", [], "a", ReportMetric.Studied[0], [1, 2, 3, 4], [0.50, 0.52, 0.49, 0.51]);
        var shifted = a with { Step = "b", Values = [0.55, 0.57, 0.54, 0.56] };
        var noisy = a with { Step = "c", Values = [0.56, 0.47, 0.53, 0.48] };
        Assert.Equal(0.05, PairedComparison.Of("steps", a, shifted)!.Mean, 12);
        Assert.True(PairedComparison.Of("steps", a, shifted)!.PValue < 1e-6);
        // Differences 0.06, -0.05, 0.04, -0.03: t = 0.005 / (0.0532 / 2) = 0.19 on 3 degrees of freedom.
        Assert.Equal(0.86, PairedComparison.Of("steps", a, noisy)!.PValue!.Value, 2);
        Assert.Equal("within seed noise", PairedComparison.Of("steps", a, noisy)!.Verdict);
    }

    [Fact]
    public void The_verdict_reads_the_holm_adjusted_p_of_its_family()
    {
        var a = new StudyCell("p", [], "a", ReportMetric.Studied[0], [1, 2, 3], [0.50, 0.52, 0.49]);
        var b = a with { Step = "b", Values = [0.53, 0.56, 0.51] };
        var alone = PairedComparison.Of("steps", a, b)!;
        Assert.InRange(alone.PValue!.Value, 0.01, 0.05);
        Assert.Equal("B higher, beyond seed noise (p < 0.05)", alone.Verdict);
        // The same difference as one of three tests: three times its p is no longer below 0.05.
        var inFamily = alone with { AdjustedPValue = HolmAdjustment.Adjust([alone.PValue, 0.5, 0.9])[0], FamilySize = 3 };
        Assert.Equal("within seed noise", inFamily.Verdict);
        Assert.Equal("B higher, beyond seed noise (Holm-adjusted p < 0.05 over 3 tests)", (alone with { AdjustedPValue = 0.01, FamilySize = 3 }).Verdict);
    }
}
