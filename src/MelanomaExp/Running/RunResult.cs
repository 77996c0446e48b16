using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Provenance;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>Everything a finished run produced; the report is rendered from this alone.</summary>
public sealed record RunResult(
    Experiment Experiment,
    EnvironmentInfo Environment,
    DatasetSummary Dataset,
    IReadOnlyList<StepResult> Steps,
    DateTimeOffset Started,
    DateTimeOffset Finished);

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
    IReadOnlyList<byte[]> SampleImages);

public sealed record StepResult(
    StepSpec Spec,
    IReadOnlyList<EpochRecord> Epochs,
    double Seconds,
    string WeightsFile,
    SplitMetrics? Test)
{
    public string Name => Spec.Name;

    public EpochRecord Last => Epochs[^1];
}

/// <summary>Loss and accuracy of a trained model on a held-out set.</summary>
public sealed record SplitMetrics(double Loss, double Accuracy, int Images);
