using MelanomaExp.Augmentation.Offline;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Results;
using MelanomaExp.Seeding;

namespace MelanomaExp.Running;

/// <summary>
/// The images and split one step trains on: the experiment's own, or, for a rebalance step, those plus
/// the generated images. train-split adds them to training only; source-folder (the notebook's
/// protocol) adds them to the whole set and splits again, so copies of validation images are trained on.
/// </summary>
internal sealed record StepData(ImageStore Store, Split Split, RebalanceSummary? Rebalance)
{
    public static StepData For(StepSpec step, PreparedData data, Experiment experiment, Seeds seeds, string cacheRoot)
    {
        if (step.Rebalance is not { } spec)
        {
            return new StepData(data.Train, data.Split, null);
        }
        var sources = spec.Scope == RebalanceScope.TrainSplit ? data.Split.Train : Enumerable.Range(0, data.Train.Count).ToArray();
        var made = RebalanceGenerator.Generate(spec, data.Train, sources, seeds, step.Name, Path.Combine(cacheRoot, "rebalance", step.Name));
        var store = data.Train.Append(made.Pixels, made.Labels, made.Files, made.Hashes);
        var added = Enumerable.Range(data.Train.Count, made.Labels.Length).ToArray();
        var split = spec.Scope == RebalanceScope.TrainSplit
            ? new Split([.. data.Split.Train, .. added], data.Split.Validation)
            : Splitter.Make(experiment.Data, store, data.Train.Count, seeds.Rng("split", step.Name), experiment.Seed);
        var classes = data.Train.Classes.Count;
        var samples = Enumerable.Range(0, classes)
            .Select(c => Array.IndexOf(made.Labels, c) is var k and >= 0 ? made.Pixels.AsSpan(k * store.ImageBytes, store.ImageBytes).ToArray() : null)
            .ToList();
        var summary = new RebalanceSummary(
            spec.Scope,
            ClassCounts.Of(sources.Select(i => data.Train.Labels[i]), classes),
            made.PerClass,
            ClassCounts.Of(split.Train.Select(i => store.Labels[i]), classes),
            ClassCounts.Of(split.Validation.Select(i => store.Labels[i]), classes),
            samples,
            made.CacheDir,
            made.FromCache)
        {
            ValidationImagesWithCopyInTraining = Leaked(split, made.Sources, data.Train.Count),
        };
        // Generation leaves hundreds of MB of garbage (the separate pixel array, PNG buffers); hand it back to
        // the OS now, before libtorch's training buffers need the memory, rather than at some later GC.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return new StepData(store, split, summary);
    }

    private static int Leaked(Split split, int[] sources, int originals)
    {
        var copiedInTraining = split.Train.Where(i => i >= originals).Select(i => sources[i - originals]).ToHashSet();
        return split.Validation.Count(i => i < originals && copiedInTraining.Contains(i));
    }
}
