using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Evaluation;
using MelanomaExp.Provenance;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>Everything a finished run produced; the report is rendered from this alone.</summary>
public sealed record RunResult(
    Experiment Experiment,
    EnvironmentInfo Environment,
    DatasetSummary Dataset,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<StepComparison> Comparisons,
    DateTimeOffset Started,
    DateTimeOffset Finished)
{
    /// <summary>Commit, data fingerprints, package versions, step timings; null only in hand-made results.</summary>
    public RunProvenance? Provenance { get; init; }
}

/// <summary>Class names and image counts per split; <paramref name="SampleImages"/> holds one RGB image per class.</summary>
public sealed record DatasetSummary(
    string Root,
    IReadOnlyList<string> Classes,
    int[] TrainCounts,
    int[] ValidationCounts,
    int[]? TestCounts,
    IReadOnlyList<BadImage> Skipped,
    int ImageHeight,
    int ImageWidth,
    IReadOnlyList<byte[]> SampleImages)
{
    public Data.Audit.AuditSummary? Audit { get; init; }

    /// <summary>Class by group in the training folder, when the experiment has <c>data.groups</c>.</summary>
    public Data.Groups.GroupAssociation? Groups { get; init; }
}

/// <summary>A finished step: its history, the evaluation of its final model, and where that model was saved (relative to the report).</summary>
public sealed record StepResult(
    StepSpec Spec,
    IReadOnlyList<EpochRecord> Epochs,
    double Seconds,
    string ModelDir,
    SetEvaluation Validation,
    SetEvaluation? Test)
{
    public string Name => Spec.Name;

    /// <summary>sha256 of the saved weights file: equal across runs when training was bit-identical.</summary>
    public string? WeightsSha256 { get; init; }

    /// <summary>See <see cref="StepKey"/>: equal keys mean an unchanged step.</summary>
    public string? Key { get; init; }

    /// <summary>What rebalancing added, when the step has <c>rebalance:</c>.</summary>
    public RebalanceSummary? Rebalance { get; init; }

    /// <summary>Identity of the validation images (their hashes in order), to pair steps for McNemar.</summary>
    public string ValidationImages { get; init; } = "";

    /// <summary>Null only in results made before it was measured (hand-made or reused from an old report).</summary>
    public TrainEvaluation? TrainEvaluation { get; init; }

    /// <summary>The most confident validation mistakes of the class pairs that matter (report galleries).</summary>
    public IReadOnlyList<MistakeGallery> Mistakes { get; init; } = [];

    /// <summary>Grad-CAM maps over a few positive-class validation images; the last step only.</summary>
    public IReadOnlyList<Explaining.GradCamExample> GradCams { get; init; } = [];

    public EpochRecord Last => Epochs[^1];

    /// <summary>The epoch whose weights were kept and evaluated (<c>train.keep</c>): the last unless <c>best</c>.</summary>
    public EpochRecord Kept => Epochs.First(e => e.Epoch == KeptEpoch.Of(Spec.Train.Keep, Epochs));
}

/// <summary>McNemar's test between two consecutive steps' predictions on the same images.</summary>
public sealed record StepComparison(string First, string Second, string Set, double FirstAccuracy, double SecondAccuracy, McNemar Test)
{
    /// <summary>The positive class's ROC AUC compared (DeLong and paired bootstrap); null without a positive class.</summary>
    public AucComparison? Auc { get; init; }
}

/// <summary>Loss and accuracy of the kept weights on the step's own training images, in evaluation mode (no augmentation, no dropout).</summary>
public sealed record TrainEvaluation(double Loss, double Accuracy, int Images);
