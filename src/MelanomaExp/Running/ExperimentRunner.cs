using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Evaluation;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Reporting;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using TorchSharp;

namespace MelanomaExp.Running;

/// <summary>Runs every step of an experiment and writes its report. Data problems fail before training starts.</summary>
public static class ExperimentRunner
{
    public static RunResult Run(Experiment experiment, RunOptions options, CancellationToken cancel = default)
    {
        var log = options.Log ?? (_ => { });
        var started = DateTimeOffset.Now;
        var device = DeviceResolver.Resolve(options.Device ?? experiment.Device);
        var data = PreparedData.Load(experiment, options.ResolveDataRoot(experiment));
        log($"data: {data.Train.Count} images in {data.Train.Classes.Count} classes, {data.Split.Train.Length} train / {data.Split.Validation.Length} validation" +
            (data.Test is null ? "" : $", {data.Test.Count} test"));

        var output = options.OutputDir ?? experiment.Report.Dir;
        using var staging = ReportStaging.Begin(output);
        var seeds = new Seeds(experiment.Seed);
        using var trainSource = new BatchSource(data.Train, device);
        using var testSource = data.Test is null ? null : new BatchSource(data.Test, device);
        var steps = new List<StepResult>();
        foreach (var step in experiment.Steps)
        {
            var clock = Stopwatch.StartNew();
            torch.random.manual_seed(seeds.For("init", step.Name));
            using var model = ModelFactory.Create(step.Model, data.Train.Classes.Count, data.Train.Height, data.Train.Width);
            model.to(device);
            var history = new Trainer(trainSource, seeds).Train(step, model, data.Split.Train, data.Split.Validation, data.Train.Labels, options.Progress, options.EpochDone, cancel);
            var settings = new EvaluationSettings(data.PositiveClass, experiment.Evaluation.BootstrapResamples, seeds.For("bootstrap", step.Name));
            var validation = EvaluateOn("validation", model, trainSource, data.Split.Validation, data.Train.Labels, data.Train.Classes, settings);
            var test = testSource is null || data.Test is null
                ? null
                : EvaluateOn("test", model, testSource, Enumerable.Range(0, data.Test.Count).ToArray(), data.Test.Labels, data.Train.Classes, settings);
            var modelDir = $"models/{step.Name}";
            ModelBundle.Save(Path.Combine(staging.Path, modelDir), model, Card(experiment, step, data, validation));
            var result = new StepResult(step, history, clock.Elapsed.TotalSeconds, modelDir, validation, test);
            steps.Add(result);
            log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"step {step.Name}: train {result.Last.TrainAccuracy * 100:0.00}%, validation {result.Last.ValAccuracy * 100:0.00}% in {result.Seconds:0}s"));
        }

        var run = new RunResult(experiment, EnvironmentProbe.Capture(device), data.Summarize(), steps, Compare(steps), started, DateTimeOffset.Now);
        ReportWriter.Write(run, staging.Path);
        staging.Commit();
        return run;
    }

    private static SetEvaluation EvaluateOn(
        string set, TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> model, BatchSource source, int[] indices, int[] allLabels, IReadOnlyList<string> classes, EvaluationSettings settings)
    {
        var pass = Evaluator.Run(model, source, indices);
        return Evaluate.Set(set, classes, indices.Select(i => allLabels[i]).ToArray(), pass.Predictions, pass.Probabilities, pass.Loss, settings);
    }

    private static ModelCard Card(Experiment experiment, StepSpec step, PreparedData data, SetEvaluation validation) => new()
    {
        Arch = step.Model.Arch,
        Dropout = step.Model.Dropout,
        Classes = data.Train.Classes,
        ImageHeight = data.Train.Height,
        ImageWidth = data.Train.Width,
        Experiment = experiment.Name,
        ExperimentHash = experiment.Hash,
        Step = step.Name,
        PositiveClass = validation.Positive?.PositiveClass,
        Threshold = validation.Positive?.YoudenThreshold,
        ToolVersion = EnvironmentProbe.ToolVersion,
    };

    /// <summary>Each step against the one before it, on validation and (when present) test images.</summary>
    private static List<StepComparison> Compare(List<StepResult> steps)
    {
        var comparisons = new List<StepComparison>();
        for (var i = 1; i < steps.Count; i++)
        {
            var (a, b) = (steps[i - 1], steps[i]);
            comparisons.Add(Pair(a.Name, b.Name, a.Validation, b.Validation));
            if (a.Test is not null && b.Test is not null)
            {
                comparisons.Add(Pair(a.Name, b.Name, a.Test, b.Test));
            }
        }
        return comparisons;
    }

    private static StepComparison Pair(string first, string second, SetEvaluation a, SetEvaluation b) =>
        new(first, second, a.Set, a.Metrics.Accuracy, b.Metrics.Accuracy, McNemar.Test(a.Labels, a.Predictions, b.Predictions));
}
