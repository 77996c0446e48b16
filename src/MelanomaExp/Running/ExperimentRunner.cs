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
/// Runs every step of an experiment and hands the result to <see cref="RunOptions.Sink"/> (the report writer). Data problems fail before training starts;
/// progress is checkpointed after every epoch so an interrupted run can be resumed.
/// </summary>
public static class ExperimentRunner
{
    public static RunResult Run(Experiment experiment, RunOptions options, CancellationToken cancel = default)
    {
        var log = options.Log ?? (_ => { });
        var started = DateTimeOffset.Now;
        // The code state when training starts is the one that produced the numbers.
        var git = GitInfo.Of(Path.GetDirectoryName(Path.GetFullPath(experiment.SourcePath))!);
        var seeds = new Seeds(experiment.Seed);
        var dataRoot = options.ResolveDataRoot(experiment);
        var target = ClaimOutput(experiment, options, dataRoot);
        // Taken before the run state is opened: a second run must never clear or read the first one's checkpoints.
        using var writer = OutputLock.Acquire(target);
        var output = target.Path;
        var selection = DevicePreparation.Prepare(experiment, options.Device ?? experiment.Device, seeds, log);
        var device = selection.Device;
        // Before any data is read: a precision this machine cannot run is a bad input, found at once.
        foreach (var step in experiment.Steps)
        {
            Precision.ComputeType(step.Train.Precision, device, CpuFeatures.Current, Precision.Where(experiment, step));
        }
        var data = PreparedData.Load(experiment, dataRoot);
        var trainPrint = StoreFingerprint.Of(data.Train);
        if (data.Association is { } association)
        {
            log(FormattableString.Invariant($"groups: {association.Groups.Count}, Cramér's V {association.CramersV:0.000}, group-majority rule {association.GroupMajorityAccuracy * 100:0.0}% accurate") +
                (association.Confounded ? $" (warning: {GroupAssociation.ConfoundWarning})" : ""));
        }
        log($"data: {data.Train.Count} images in {data.Train.Classes.Count} classes, {data.Split.Train.Length} train / {data.Split.Validation.Length} validation" +
            (data.Test is null ? "" : $", {data.Test.Count} test") + $" (fingerprint {trainPrint.Hash})");
        foreach (var notice in data.Notices)
        {
            log($"note: {notice}");
        }
        // Under on_bad_image: skip a file left out is said on the console too, not only in the report at the end.
        foreach (var bad in data.Train.Skipped.Concat(data.Test?.Skipped ?? []))
        {
            log($"skipped (on_bad_image: skip): {bad.Path}: {bad.Reason}");
        }

        var numerics = NumericsFingerprint.Current;
        var resume = options.Resume;
        if (options.ResumeIfInterrupted && !options.Resume && RunState.Exists(output))
        {
            // Said either way: a sweep's resubmission that starts over must say why, not look like a fresh run.
            var why = RunState.WhyNotResumable(output, experiment, trainPrint, numerics);
            resume = why is null;
            log(resume ? $"continuing the interrupted run in {RunState.DirFor(output)}" : $"not continuing the interrupted run in {RunState.DirFor(output)}: {why}; starting over");
        }
        if (cancel.IsCancellationRequested)
        {
            throw new RunInterruptedException("interrupted before training started: nothing was written (an existing report is untouched)");
        }
        var state = RunState.Open(output, experiment, trainPrint, numerics, resume);
        try
        {
            var previous = options.Force ? null : PreviousReport.Read(output);
            using var trainSource = new BatchSource(data.Train, device);
            using var testSource = data.Test is null ? null : new BatchSource(data.Test, device);
            var audit = options.AuditDeterminism ? DeterminismAuditor.Audit(experiment.Steps[0], data, trainSource, seeds, device) : null;
            if (audit is not null)
            {
                log($"determinism audit ({audit.Step}, one epoch twice): losses {(audit.LossesMatch ? "match" : "DIFFER")}, weights {(audit.WeightsMatch ? "match" : "DIFFER")}");
            }

            var hooks = new TrainingHooks(options.Progress, options.EpochDone);
            var steps = new List<StepResult>();
            var timings = new List<StepTiming>();
            // The device and build, and the machine's numerics: a key equal to a previous step's means the same bits.
            var keyPart = $"{selection.KeyPart}/{numerics}";
            foreach (var step in experiment.Steps)
            {
                var key = StepKey.For(experiment, step, trainPrint, keyPart);
                var stepData = StepData.For(step, data, experiment, seeds, RunState.CacheDirFor(output));
                if (stepData.Rebalance is { } added)
                {
                    log($"{step.Name}: {added.GeneratedPerClass.Sum()} generated images ({(added.FromCache ? "reused from" : "written to")} {added.CacheDir})");
                }
                using var ownSource = stepData.Rebalance is null ? null : new BatchSource(stepData.Store, device);
                var source = ownSource ?? trainSource;
                var settings = new EvaluationSettings(data.PositiveClass, experiment.Evaluation.BootstrapResamples, seeds.For("bootstrap", step.Name));
                var tta = step.Evaluate?.FlipTta ?? false;
                string? notReused = null;
                var unchanged = previous?.Reusable(step.Name, key, out notReused);
                if (notReused is not null)
                {
                    log($"{step.Name}: not reused from the previous report, {notReused}; training it");
                }
                var (model, finished, reused) = StepRunner.Train(step, stepData, source, seeds, state, hooks, device, cancel, unchanged);
                SetEvaluation? plain = null;
                if (unchanged is not null)
                {
                    // The reused model, re-evaluated, must give the validation accuracy its history claims; else the report was edited.
                    // The history's per-epoch validation is plain (no test-time augmentation), so this check is too.
                    plain = EvaluateOn("validation", model, source, stepData.Split.Validation, stepData.Store.Labels, data.Train.Classes, settings, seeds.For("evaluate", step.Name, "validation"));
                    var claimed = finished.History.First(e => e.Epoch == KeptEpoch.Of(step.Train.Keep, finished.History)).ValAccuracy;
                    if (claimed != plain.Metrics.Accuracy)
                    {
                        log(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: the previous report says validation {claimed * 100:0.00}% but its weights give {plain.Metrics.Accuracy * 100:0.00}%; training again"));
                        model.Dispose();
                        (model, finished, reused) = StepRunner.Train(step, stepData, source, seeds, state, hooks, device, cancel);
                        plain = null;
                    }
                }
                var validationGroups = data.Groups is null ? null : stepData.Split.Validation.Select(i => i < data.Groups.Length ? data.Groups[i] : "(generated)").ToArray();
                var validation = (plain is not null && !tta
                    ? plain
                    : EvaluateOn("validation", model, source, stepData.Split.Validation, stepData.Store.Labels, data.Train.Classes, settings, seeds.For("evaluate", step.Name, "validation"), tta))
                    .WithGroups(validationGroups, settings);
                using (model)
                {
                    // The test set is scored at the threshold chosen on validation, as predict would score new images.
                    var test = testSource is null || data.Test is null
                        ? null
                        : EvaluateOn("test", model, testSource, Enumerable.Range(0, data.Test.Count).ToArray(), data.Test.Labels, data.Train.Classes, settings with { OperatingThreshold = validation.Positive?.YoudenThreshold }, seeds.For("evaluate", step.Name, "test"), tta)
                            .WithGroups(data.TestGroups, settings);
                    // The same answers without the test images that copy a training image (the cross-split audit), so a
                    // reader sees how much the copies move the figures; at the same threshold, choosing nothing.
                    var copied = data.Audit?.TrainTestCopies.Select(c => c.TestFile).ToHashSet(StringComparer.Ordinal) ?? [];
                    var clean = test is null || data.Test is null || copied.Count == 0
                        ? null
                        : EvaluateOn("test without training copies", model, testSource!, [.. Enumerable.Range(0, data.Test.Count).Where(i => !copied.Contains(data.Test.Paths[i]))], data.Test.Labels, data.Train.Classes, settings with { OperatingThreshold = validation.Positive?.YoudenThreshold }, seeds.For("evaluate", step.Name, "test"), tta);
                    // In evaluation mode, unaugmented, on the kept weights: comparable with validation accuracy,
                    // unlike the running training-mode average of the epoch's batches.
                    TorchSeeding.Reseed(seeds.For("evaluate", step.Name, "train"));
                    var trainPass = Evaluator.Run(model, source, stepData.Split.Train);
                    var modelDir = ReportFiles.ModelDir(step.Name);
                    ModelBundle.Save(Path.Combine(state.ReportModels, modelDir), model, Card(experiment, step, data, validation));
                    var weightsSha = FileSha256.Of(Path.Combine(state.ReportModels, modelDir, ModelBundle.WeightsFile));
                    var result = new StepResult(step, finished.History, finished.Seconds, modelDir, validation, test)
                    {
                        TestWithoutTrainCopies = clean,
                        WeightsSha256 = weightsSha,
                        Key = key,
                        Rebalance = stepData.Rebalance,
                        ValidationImages = string.Join('\n', stepData.Split.Validation.Select(i => stepData.Store.Hashes[i])),
                        ValidationFiles = [.. stepData.Split.Validation.Select(i => RelativeToData(dataRoot, stepData.Store.Paths[i]))],
                        TestFiles = data.Test is null ? [] : [.. data.Test.Paths.Select(p => RelativeToData(dataRoot, p))],
                        Mistakes = MistakeGallery.For(validation, stepData.Store, stepData.Split.Validation, data.PositiveClass),
                        GradCams = step == experiment.Steps[^1] && step.Preprocess is null && Architectures.Of(step.Model) is { GradCamLayer: not null } explained && data.PositiveClass is { } positive
                            ? Explaining.GradCamSelection.For(explained, model, validation, stepData.Store, stepData.Split.Validation, positive)
                            : [],
                        TrainEvaluation = new TrainEvaluation(trainPass.Loss, trainPass.Accuracy(stepData.Split.Train.Select(i => stepData.Store.Labels[i]).ToArray()), stepData.Split.Train.Length),
                    };
                    steps.Add(result);
                    timings.Add(new StepTiming(step.Name, finished.Started, finished.Finished, finished.Seconds, reused));
                    log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"step {step.Name}: train {result.Last.TrainAccuracy * 100:0.00}%, validation {result.Last.ValAccuracy * 100:0.00}% in {result.Seconds:0}s{(reused is null ? "" : $" ({reused})")}"));
                }
            }

            var provenance = new RunProvenance(
                git,
                trainPrint,
                data.Test is null ? null : StoreFingerprint.Of(data.Test),
                PackageVersions.Read(),
                timings,
                audit)
            {
                Device = selection,
            };
            var run = new RunResult(experiment, EnvironmentProbe.Capture(device), data.Summarize(), steps, Compare(steps, experiment.Evaluation.BootstrapResamples, seeds), started, DateTimeOffset.Now) { Provenance = provenance };
            // Before the state goes: the sink takes the saved models from it.
            options.Sink?.Write(run, state.ReportModels, target);
            state.Delete();
            return run;
        }
        catch (OperationCanceledException e) when (e is not RunInterruptedException)
        {
            // Said at exit, not at the signal: only now is it known what --resume will find.
            throw new RunInterruptedException(state.Kept(), e);
        }
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

    private static SetEvaluation EvaluateOn(
        string set, nn.Module<Tensor, Tensor> model, BatchSource source, int[] indices, int[] allLabels, IReadOnlyList<string> classes, EvaluationSettings settings, int seed, bool tta = false)
    {
        // Evaluation draws nothing random today; reseeding keeps it that way if a layer ever does (on any device).
        TorchSeeding.Reseed(seed);
        var pass = Evaluator.Run(model, source, indices, tta);
        return Evaluate.Set(set, classes, indices.Select(i => allLabels[i]).ToArray(), pass.Predictions, pass.Probabilities, pass.Loss, settings);
    }

    private static ModelCard Card(Experiment experiment, StepSpec step, PreparedData data, SetEvaluation validation) => new()
    {
        Arch = step.Model.Arch,
        Dropout = step.Model.Dropout,
        BatchNorm = step.Model.BatchNorm,
        ColourConstancy = step.Preprocess?.ColourConstancy ?? 0,
        Standardize = step.Preprocess?.Standardize ?? false,
        Classes = data.Train.Classes,
        ImageHeight = data.Train.Height,
        ImageWidth = data.Train.Width,
        Experiment = experiment.Name,
        ExperimentHash = experiment.Hash,
        Step = step.Name,
        PositiveClass = validation.Positive?.PositiveClass,
        Threshold = validation.Positive?.YoudenThreshold,
        ToolVersion = ToolVersion.Current,
    };

    /// <summary>Each step against the one before it, on validation and (when present) test images.</summary>
    private static List<StepComparison> Compare(List<StepResult> steps, int resamples, Seeds seeds)
    {
        var comparisons = new List<StepComparison>();
        for (var i = 1; i < steps.Count; i++)
        {
            var (a, b) = (steps[i - 1], steps[i]);
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

    /// <summary>An image's path for predictions.csv: relative to the data root, so it reads the same on every machine; a generated image outside it keeps its file name.</summary>
    private static string RelativeToData(string dataRoot, string path)
    {
        var relative = Path.GetRelativePath(dataRoot, path).Replace('\\', '/');
        return relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? "(generated)/" + Path.GetFileName(path) : relative;
    }
}
