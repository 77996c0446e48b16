using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Running;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>One epoch of a real step, split by phase, with the process's peak RSS during that epoch.</summary>
public sealed record EpochTiming(EpochBreakdown Breakdown, long PeakRssBytes);

/// <summary>The timed epochs and the share of the step's images they used.</summary>
internal sealed record EpochRun(IReadOnlyList<EpochTiming> Epochs, double Fraction);

/// <summary>
/// Trains the first epochs of a real step on the real data through the same trainer a run uses, so
/// everything around the math (gathering, augmentation, validation, bookkeeping) is in the figure.
/// A fraction below 1 keeps the first part of both the training and the validation indices, so the
/// two stay in proportion.
/// </summary>
internal static class EpochBench
{
    /// <summary>
    /// The fewest training batches an epoch is timed on, whatever the fraction asked for: an eighth of a
    /// small training split is a handful of batches, too few for an overhead figure that holds from one
    /// bench to the next.
    /// </summary>
    public const int MinimumBatches = 32;

    public static EpochRun Run(Experiment experiment, PreparedData data, StepSpec step, int epochs, double fraction, bool prefetch, Device device, string scratch)
    {
        var seeds = new Seeds(experiment.Seed);
        var stepData = StepData.For(step, data, experiment, seeds, scratch);
        var share = Share(fraction, stepData.Split.Train.Length, step.Train.BatchSize);
        var train = Take(stepData.Split.Train, share);
        var validation = Take(stepData.Split.Validation, share);
        using var source = new BatchSource(stepData.Store, device);
        TorchSeeding.Reseed(seeds.For("init", step.Name));
        // The step's model as its run builds it: with its preprocessing and in its precision (bf16 mixed precision
        // where it asks for it), or the epochs time another network than the one the step trains.
        using var model = ModelFactory.Create(step.Model, stepData.Store.Classes.Count, stepData.Store.Height, stepData.Store.Width, device, step.Preprocess);
        Precision.Apply(Architectures.Of(step.Model), model, Precision.ComputeType(step.Train.Precision, device, CpuFeatures.Current, $"step '{step.Name}': train.precision"));
        FineTuning.Apply(step.Train, model);
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        var timings = new List<EpochTiming>();
        ProcessMemory.ResetPeak();
        var hooks = new TrainingHooks(Breakdown: b =>
        {
            timings.Add(new EpochTiming(b, ProcessMemory.PeakRssBytes()));
            ProcessMemory.ResetPeak();
        });
        var shortened = step with { Train = step.Train with { Epochs = epochs } };
        new Trainer(source, seeds) { Prefetch = prefetch }.Train(shortened, model, optimizer, train, validation, stepData.Store.Labels, hooks);
        return new EpochRun(timings, share);
    }

    /// <summary>The share of the images to time: <paramref name="fraction"/>, raised to <see cref="MinimumBatches"/> full batches where the split has them.</summary>
    public static double Share(double fraction, int trainImages, int batch) =>
        trainImages == 0 ? fraction : Math.Clamp(Math.Max(fraction, (double)MinimumBatches * batch / trainImages), 0, 1);

    private static int[] Take(int[] indices, double fraction) =>
        indices[..Math.Max(1, (int)Math.Ceiling(indices.Length * fraction))];
}
