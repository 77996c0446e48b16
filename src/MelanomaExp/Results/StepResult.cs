using MelanomaExp.Config;
using MelanomaExp.Evaluation;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

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

    /// <summary>The step's reuse key (Running/StepKey): equal keys mean an unchanged step.</summary>
    public string? Key { get; init; }

    /// <summary>What rebalancing added, when the step has <c>rebalance:</c>.</summary>
    public RebalanceSummary? Rebalance { get; init; }

    /// <summary>Identity of the validation images (their hashes in order), to pair steps for McNemar.</summary>
    public string ValidationImages { get; init; } = "";

    /// <summary>Test scored without the test images that copy a training image (the cross-split audit); null without test or copies.</summary>
    public SetEvaluation? TestWithoutTrainCopies { get; init; }

    /// <summary>The validation images in the evaluation's order, as paths relative to the data root ("/"-separated), for predictions.csv.</summary>
    public IReadOnlyList<string> ValidationFiles { get; init; } = [];

    /// <summary>The test images in the evaluation's order, relative to the data root; empty without a test set.</summary>
    public IReadOnlyList<string> TestFiles { get; init; } = [];

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
