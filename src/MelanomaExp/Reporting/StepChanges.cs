using MelanomaExp.Config;
using MelanomaExp.Results;
using static MelanomaExp.Reporting.MarkdownFormat;

namespace MelanomaExp.Reporting;

/// <summary>
/// What a step changes against the step before it (model, training, augmentation, generated data), so a
/// reader sees every confound of a comparison: more epochs, or hundreds of images generated from two.
/// </summary>
public static class StepChanges
{
    public static string Describe(StepResult? previous, StepResult step, IReadOnlyList<string> classes)
    {
        var s = step.Spec;
        if (previous is null)
        {
            return Inv($"first step: {s.Model.Arch}{Model(s.Model)}, {s.Train.Epochs} epochs{(s.Augment is null ? "" : ", online augmentation")}{Generated(step, classes)}");
        }
        var p = previous.Spec;
        var changes = new List<string>();
        if (p.Model.Arch != s.Model.Arch)
        {
            changes.Add($"model {p.Model.Arch} → {s.Model.Arch}");
        }
        if (p.Model.Dropout != s.Model.Dropout)
        {
            changes.Add(Inv($"dropout {p.Model.Dropout:0.##} → {s.Model.Dropout:0.##}"));
        }
        if (p.Model.BatchNorm != s.Model.BatchNorm)
        {
            changes.Add(s.Model.BatchNorm ? "batch normalisation added" : "batch normalisation removed");
        }
        if (p.Train.Epochs != s.Train.Epochs)
        {
            changes.Add(Inv($"**{p.Train.Epochs} → {s.Train.Epochs} epochs**"));
        }
        if (p.Train.BatchSize != s.Train.BatchSize)
        {
            changes.Add(Inv($"batch size {p.Train.BatchSize} → {s.Train.BatchSize}"));
        }
        if (p.Train.Optimizer != s.Train.Optimizer || p.Train.LearningRate != s.Train.LearningRate)
        {
            changes.Add(Inv($"optimizer {p.Train.Optimizer} {p.Train.LearningRate:G3} → {s.Train.Optimizer} {s.Train.LearningRate:G3}"));
        }
        if (p.Train.Keep != s.Train.Keep)
        {
            changes.Add($"keeps the {(s.Train.Keep == TrainKeep.Best ? "best" : "last")} epoch");
        }
        if (p.Augment is null != s.Augment is null || (p.Augment is not null && p.Augment != s.Augment))
        {
            changes.Add(s.Augment is null ? "online augmentation removed" : p.Augment is null ? "online augmentation added" : "online augmentation changed");
        }
        if (p.Rebalance is null != s.Rebalance is null || (p.Rebalance is not null && !SameRebalance(p.Rebalance, s.Rebalance!)))
        {
            changes.Add(s.Rebalance is null ? "generated images removed" : Generated(step, classes).TrimStart(',', ' '));
        }
        return changes.Count == 0 ? "same settings as the step before" : string.Join("; ", changes);
    }

    private static string Model(ModelSpec m) =>
        (m.Dropout > 0 ? Inv($", dropout {m.Dropout:0.##}") : "") + (m.BatchNorm ? ", batch normalisation" : "");

    /// <summary>The generated images, and the class with the fewest sources behind them (the strongest copying).</summary>
    private static string Generated(StepResult step, IReadOnlyList<string> classes)
    {
        if (step.Rebalance is not { } r)
        {
            return "";
        }
        var generating = Enumerable.Range(0, classes.Count).Where(c => r.GeneratedPerClass[c] > 0).ToList();
        if (generating.Count == 0)
        {
            return ", no images generated";
        }
        var thinnest = generating.MinBy(c => r.SourcesPerClass[c]);
        return Inv($", generated training images: {r.GeneratedPerClass.Sum()} ({r.Scope switch { RebalanceScope.SourceFolder => "from whole class folders, before the split", _ => "from the training split" }}; {classes[thinnest]}: {r.GeneratedPerClass[thinnest]} from {r.SourcesPerClass[thinnest]} source image{(r.SourcesPerClass[thinnest] == 1 ? "" : "s")})");
    }

    private static bool SameRebalance(RebalanceSpec a, RebalanceSpec b) =>
        a.SamplesPerClass == b.SamplesPerClass && a.TargetPerClass == b.TargetPerClass && a.Scope == b.Scope && a.Pipeline.Count == b.Pipeline.Count;
}
