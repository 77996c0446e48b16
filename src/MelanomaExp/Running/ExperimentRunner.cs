using System.Diagnostics;
using MelanomaExp.Config;
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
            TorchSharp.torch.random.manual_seed(seeds.For("init", step.Name));
            using var model = ModelFactory.Create(step.Model, data.Train.Classes.Count, data.Train.Height, data.Train.Width);
            model.to(device);
            var history = new Trainer(trainSource, seeds).Train(step, model, data.Split.Train, data.Split.Validation, data.Train.Labels, options.Progress, options.EpochDone, cancel);
            SplitMetrics? test = null;
            if (testSource is not null && data.Test is not null)
            {
                var all = Enumerable.Range(0, data.Test.Count).ToArray();
                var pass = Evaluator.Run(model, testSource, all);
                test = new SplitMetrics(pass.Loss, pass.Accuracy(data.Test.Labels), all.Length);
            }
            var weights = $"weights/{step.Name}.pt";
            Directory.CreateDirectory(Path.Combine(staging.Path, "weights"));
            model.save(Path.Combine(staging.Path, weights));
            var result = new StepResult(step, history, clock.Elapsed.TotalSeconds, weights, test);
            steps.Add(result);
            log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"step {step.Name}: train {result.Last.TrainAccuracy * 100:0.00}%, validation {result.Last.ValAccuracy * 100:0.00}% in {result.Seconds:0}s"));
        }

        var run = new RunResult(experiment, EnvironmentProbe.Capture(device), data.Summarize(), steps, started, DateTimeOffset.Now);
        ReportWriter.Write(run, staging.Path);
        staging.Commit();
        return run;
    }
}
