using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Running;

/// <summary>
/// Produces one step's trained model: reused from an interrupted run when that step had finished,
/// continued from its last checkpoint when it had started, trained from scratch otherwise.
/// </summary>
internal static class StepRunner
{
    public static (nn.Module<Tensor, Tensor> Model, FinishedStep Result, string? Reused) Train(
        StepSpec step, StepData data, BatchSource source, Seeds seeds, RunState state, TrainingHooks hooks, Device device, CancellationToken cancel,
        (string Weights, List<EpochRecord> Epochs, double Seconds)? unchanged = null)
    {
        var started = DateTimeOffset.Now;
        TorchSeeding.Reseed(seeds.For("init", step.Name));
        var model = ModelFactory.Create(step.Model, data.Store.Classes.Count, data.Store.Height, data.Store.Width, device, step.Preprocess);
        Precision.Apply(Architectures.Of(step.Model), model, Precision.ComputeType(step.Train.Precision, device, Provenance.CpuFeatures.Current, $"step '{step.Name}': train.precision"));
        if (unchanged is { } previous)
        {
            model.load(previous.Weights);
            return (model, new FinishedStep(previous.Epochs, previous.Seconds, started, DateTimeOffset.Now), "unchanged since the previous report; not trained again (--force trains it)");
        }
        if (state.Finished(step.Name) is { } finished)
        {
            model.load(state.FinishedWeights(step.Name));
            return (model, finished, "finished before the interruption; reused");
        }
        if (model is Preprocessing.Preprocessed { Spec.Standardize: true } preprocessed)
        {
            // Measured on the training split only: validation images must not shape the input the model sees.
            var (mean, std) = Preprocessing.ChannelStatistics.Of(source.ImageBatches(data.Split.Train, Evaluator.BatchSize), preprocessed.Correct);
            preprocessed.SetStatistics(mean, std);
        }
        // Only for a step that trains here (not one reused).
        if (Precision.SlowerHere(step.Train.Precision, device, Provenance.CpuFeatures.Current) is { } slower)
        {
            hooks.Log?.Invoke($"{step.Name}: {slower}");
        }
        if (FineTuning.Apply(step.Train, model) is { } fixedParts)
        {
            hooks.Log?.Invoke($"{step.Name}: {fixedParts}");
        }
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        var checkpoint = state.CheckpointDir(step.Name);
        var resumed = Checkpoint.TryLoad(checkpoint, model, optimizer);
        // Beside the checkpoint folder, so it survives a resume and goes when the run state is deleted.
        var bestWeights = checkpoint + ".best.pt";
        var withCheckpoints = hooks with
        {
            Checkpoint = history =>
            {
                // Saved before the checkpoint: a crash in between retrains this epoch and saves it again.
                if (step.Train.Keep == TrainKeep.Best && KeptEpoch.Of(TrainKeep.Best, history) == history[^1].Epoch)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(bestWeights)!);
                    model.save(bestWeights);
                }
                Checkpoint.Save(checkpoint, model, optimizer, history);
            },
        };
        var history = TrainOn(step, model, optimizer, data, source, seeds, withCheckpoints, resumed, cancel);
        if (KeptEpoch.Of(step.Train.Keep, history) != history[^1].Epoch)
        {
            model.load(bestWeights);
        }
        model.save(state.FinishedWeights(step.Name));
        var seconds = resumed is null ? (DateTimeOffset.Now - started).TotalSeconds : history.Sum(e => e.Seconds);
        var result = new FinishedStep(history, seconds, started, DateTimeOffset.Now);
        state.MarkFinished(step.Name, result);
        return (model, result, resumed is null ? null : $"resumed after epoch {resumed.Count}");
    }

    /// <summary>
    /// Trains on the images, or, when the backbone is fixed and no image changes between epochs, trains the head on the
    /// backbone's features computed once (the same function in another order, equal to about 1e-5, minus an unchanging forward pass per image and epoch).
    /// </summary>
    private static List<EpochRecord> TrainOn(
        StepSpec step, nn.Module<Tensor, Tensor> model, TorchSharp.Modules.OptimizerHelper optimizer, StepData data, BatchSource source, Seeds seeds,
        TrainingHooks hooks, IReadOnlyList<EpochRecord>? resumed, CancellationToken cancel)
    {
        if (!FeatureSource.Applies(step, model))
        {
            return new Trainer(source, seeds).Train(step, model, optimizer, data.Split.Train, data.Split.Validation, data.Store.Labels, hooks, resumed, cancel);
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var indices = data.Split.Train.Concat(data.Split.Validation).Distinct().ToArray();
        using var features = FeatureSource.Compute(model, source, indices, data.Store.Count);
        hooks.Log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{step.Name}: backbone fixed and no online augmentation: {features.Count} images' features ({features.Width} each) computed once in {clock.Elapsed.TotalSeconds:0.0} s; the head trains on them"));
        using var head = new FeatureHead(FineTuning.Find(model)!);
        try
        {
            return new Trainer(features, seeds).Train(step, head, optimizer, data.Split.Train, data.Split.Validation, data.Store.Labels, hooks, resumed, cancel);
        }
        finally
        {
            // The whole network leaves in evaluation mode, as the trainer leaves the model it trains.
            model.eval();
        }
    }
}
