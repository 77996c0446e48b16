using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Data.Groups;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Running;

/// <summary>
/// Runs every step of an experiment and hands the result to <see cref="RunOptions.Sink"/> (the report writer), in four
/// phases: prepare (<see cref="PreparedRun.Open"/>: output, device, data, run state; bad input fails here, before
/// training), train each step (<see cref="TrainStep"/>, checkpointed after every epoch so an interrupted run resumes),
/// evaluate it (<see cref="StepEvaluation.Evaluate"/>), and assemble the result (<see cref="Assemble"/>).
/// </summary>
public static class ExperimentRunner
{
    public static RunResult Run(Experiment experiment, RunOptions options, CancellationToken cancel = default)
    {
        var log = options.Log ?? (_ => { });
        var started = DateTimeOffset.Now;
        // The code state when training starts is the one that produced the numbers.
        var git = GitInfo.Of(Path.GetDirectoryName(Path.GetFullPath(experiment.SourcePath))!);
        using var run = PreparedRun.Open(experiment, options, log, cancel);
        try
        {
            var previous = options.Force ? null : PreviousReport.Read(run.Output);
            using var trainSource = new BatchSource(run.Data.Train, run.Device);
            using var testSource = run.Data.Test is null ? null : new BatchSource(run.Data.Test, run.Device);
            var audit = options.AuditDeterminism ? DeterminismAuditor.Audit(experiment.Steps[0], run.Data, trainSource, run.Seeds, run.Device) : null;
            if (audit is not null)
            {
                log($"determinism audit ({audit.Step}, one epoch twice): losses {(audit.LossesMatch ? "match" : "DIFFER")}, weights {(audit.WeightsMatch ? "match" : "DIFFER")}");
            }
            var hooks = new TrainingHooks(options.Progress, options.EpochDone, Log: log);
            var steps = new List<StepResult>();
            var timings = new List<StepTiming>();
            foreach (var step in experiment.Steps)
            {
                var stepData = StepData.For(step, run.Data, experiment, run.Seeds, RunState.CacheDirFor(run.Output));
                if (stepData.Rebalance is { } added)
                {
                    log($"{step.Name}: {added.GeneratedPerClass.Sum()} generated images ({(added.FromCache ? "reused from" : "written to")} {added.CacheDir})");
                }
                using var ownSource = stepData.Rebalance is null ? null : new BatchSource(stepData.Store, run.Device);
                var source = ownSource ?? trainSource;
                var trained = TrainStep(run, step, stepData, source, previous, hooks, log, cancel);
                using (trained.Model)
                {
                    var result = StepEvaluation.Evaluate(run, step, stepData, source, testSource, trained);
                    steps.Add(result);
                    timings.Add(new StepTiming(step.Name, trained.Finished.Started, trained.Finished.Finished, trained.Finished.Seconds, trained.Reused));
                    log(string.Create(CultureInfo.InvariantCulture, $"step {step.Name}: train {result.Last.TrainAccuracy * 100:0.00}%, validation {result.Last.ValAccuracy * 100:0.00}% in {result.Seconds:0}s{(trained.Reused is null ? "" : $" ({trained.Reused})")}"));
                }
            }
            var outcome = Assemble(run, git, steps, timings, audit, started);
            // Before the state goes: the sink takes the saved models from it.
            options.Sink?.Write(outcome, run.State.ReportModels, run.Target);
            run.State.Delete();
            return outcome;
        }
        catch (OperationCanceledException e) when (e is not RunInterruptedException)
        {
            // Said at exit, not at the signal: only now is it known what --resume will find.
            throw new RunInterruptedException(run.State.Kept(), e);
        }
    }

    /// <summary>
    /// Trains a step, or takes it unchanged from the previous report or the interrupted run. A model reused from the
    /// previous report is re-evaluated first: if its weights do not give the validation accuracy its history claims,
    /// the report was edited, and the step is trained again.
    /// </summary>
    private static TrainedStep TrainStep(PreparedRun run, StepSpec step, StepData stepData, BatchSource source, PreviousReport? previous, TrainingHooks hooks, Action<string> log, CancellationToken cancel)
    {
        // The device and build, and the machine's numerics: a key equal to a previous step's means the same bits.
        var key = StepKey.For(run.Experiment, step, run.TrainPrint, $"{run.Selection.KeyPart}/{run.Numerics}");
        string? notReused = null;
        var unchanged = previous?.Reusable(step.Name, key, out notReused);
        if (notReused is not null)
        {
            log($"{step.Name}: not reused from the previous report, {notReused}; training it");
        }
        var (model, finished, reused) = StepRunner.Train(step, stepData, source, run.Seeds, run.State, hooks, run.Device, cancel, unchanged);
        if (unchanged is null)
        {
            return new TrainedStep(key, model, finished, reused, null);
        }
        // The history's per-epoch validation is plain (no test-time augmentation), so this check is too.
        var plain = StepEvaluation.Plain(run, step, stepData, source, model);
        var claimed = finished.History.First(e => e.Epoch == KeptEpoch.Of(step.Train.Keep, finished.History)).ValAccuracy;
        if (claimed == plain.Metrics.Accuracy)
        {
            return new TrainedStep(key, model, finished, reused, plain);
        }
        log(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: the previous report says validation {claimed * 100:0.00}% but its weights give {plain.Metrics.Accuracy * 100:0.00}%; training again"));
        model.Dispose();
        (model, finished, reused) = StepRunner.Train(step, stepData, source, run.Seeds, run.State, hooks, run.Device, cancel);
        return new TrainedStep(key, model, finished, reused, null);
    }

    /// <summary>The run's result: the steps, their comparisons, and what they came from.</summary>
    private static RunResult Assemble(PreparedRun run, GitInfo git, List<StepResult> steps, List<StepTiming> timings, DeterminismAudit? audit, DateTimeOffset started)
    {
        var provenance = new RunProvenance(
            git,
            run.TrainPrint,
            run.Data.Test is null ? null : StoreFingerprint.Of(run.Data.Test),
            PackageVersions.Read(),
            timings,
            audit)
        {
            Device = run.Selection,
        };
        var comparisons = Compare(steps, run.Experiment.Evaluation.BootstrapResamples, run.Seeds);
        return new RunResult(run.Experiment, EnvironmentProbe.Capture(run.Device), run.Data.Summarize(), steps, comparisons, started, DateTimeOffset.Now) { Provenance = provenance };
    }

    /// <summary>The report folder, refused before anything is read or written when it would replace data, inputs or a folder the tool did not write.</summary>
    public static OutputFolder ClaimOutput(Experiment experiment, RunOptions options, string dataRoot, string kind = "run")
    {
        var rules = OutputRules(experiment, dataRoot);
        foreach (var input in options.Inputs)
        {
            rules.Input(input.Path, input.Role);
        }
        return options.OutputDir is { } dir
            ? OutputFolder.Claim(dir, kind, rules)
            : OutputFolder.Claim(experiment.Report.Dir, kind, rules, $"{experiment.SourcePath}: report.dir");
    }

    /// <summary>What a run reads: its data folders and its experiment file.</summary>
    public static OutputRules OutputRules(Experiment experiment, string dataRoot)
    {
        var rules = new OutputRules().Data(dataRoot).Data(Path.Combine(dataRoot, experiment.Data.Train)).Experiment(experiment.SourcePath);
        return experiment.Data.Test is { } test ? rules.Data(Path.Combine(dataRoot, test)) : rules;
    }

    /// <summary>
    /// Each step against its baseline (the earlier step it differs from least: the step before in a stacked design, the
    /// first in a one-factor design), on validation and (when present) test images.
    /// </summary>
    private static List<StepComparison> Compare(List<StepResult> steps, int resamples, Seeds seeds)
    {
        var comparisons = new List<StepComparison>();
        var specs = steps.Select(s => s.Spec).ToList();
        for (var i = 1; i < steps.Count; i++)
        {
            var (a, b) = (steps[StepDifference.Baseline(specs, i)!.Value], steps[i]);
            // McNemar pairs predictions image by image: only meaningful on the very same validation images.
            if (a.ValidationImages == b.ValidationImages)
            {
                comparisons.Add(Pair(a.Name, b.Name, a.Validation, b.Validation, resamples, seeds));
            }
            if (a.Test is not null && b.Test is not null)
            {
                comparisons.Add(Pair(a.Name, b.Name, a.Test, b.Test, resamples, seeds));
            }
        }
        return comparisons;
    }

    private static StepComparison Pair(string first, string second, SetEvaluation a, SetEvaluation b, int resamples, Seeds seeds) =>
        new(first, second, a.Set, a.Metrics.Accuracy, b.Metrics.Accuracy, McNemar.Test(a.Labels, a.Predictions, b.Predictions))
        {
            Auc = AucComparison.Of(a, b, resamples, seeds.For("paired-bootstrap", first, second, a.Set)),
        };
}
