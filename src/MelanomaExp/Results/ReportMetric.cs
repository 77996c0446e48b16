using System.Text.Json;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>
/// A figure of one step: where it sits in a step of metrics.json and how it is read from the
/// <see cref="StepResult"/> it was written from. The one list of such figures: verify and compare
/// (<see cref="Verified"/>), collect (<see cref="Studied"/>) and <c>run --seeds</c> (<see cref="SeedSummary"/>)
/// pick from it by name, so one name always means one figure.
/// </summary>
public sealed record ReportMetric(string Name, string Label, string[] Path, bool IsLoss, bool Percent, Func<StepResult, double?> Of)
{
    public static readonly IReadOnlyList<ReportMetric> All =
    [
        // The last epoch's history (training-mode averages for training, plain evaluation for validation).
        new("train_accuracy", "training accuracy (last epoch)", ["final", "train_accuracy"], false, true, s => s.Last.TrainAccuracy),
        new("train_loss", "training loss (last epoch)", ["final", "train_loss"], true, false, s => s.Last.TrainLoss),
        new("val_loss", "validation loss (last epoch)", ["final", "val_loss"], true, false, s => s.Last.ValLoss),
        // The evaluation of the kept weights (train.keep), with test-time augmentation when the step has it.
        .. Evaluated("val", "validation", s => s.Validation),
        .. Evaluated("test", "test", s => s.Test),
    ];

    /// <summary>What verify checks against its tolerances and compare puts side by side, in this order.</summary>
    public static readonly IReadOnlyList<ReportMetric> Verified =
        Pick("train_accuracy", "val_accuracy", "train_loss", "val_loss", "val_balanced_accuracy", "val_positive_auc", "test_accuracy");

    /// <summary>What collect summarises over seeds per grid point and step, in this order.</summary>
    public static readonly IReadOnlyList<ReportMetric> Studied = [.. All.Where(m => m.Path[0] is "validation" or "test")];

    /// <summary>What <c>run --seeds</c> summarises in seeds.json, in this order.</summary>
    public static readonly IReadOnlyList<ReportMetric> SeedSummary =
        Pick("train_accuracy", "val_accuracy", "val_loss", "val_balanced_accuracy", "val_positive_auc", "test_accuracy");

    /// <summary>The value in a step of metrics.json; null when absent or not a number (NaN is written as null).</summary>
    public double? Read(JsonElement step) => ReportJson.Number(step, Path);

    /// <summary>The metric called <paramref name="name"/>; the names are the ones in VERIFY.md, study.json and seeds.json.</summary>
    public static ReportMetric Named(string name) =>
        All.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no report metric named '{name}'", nameof(name));

    private static List<ReportMetric> Pick(params string[] names) => [.. names.Select(Named)];

    private static IEnumerable<ReportMetric> Evaluated(string prefix, string set, Func<StepResult, SetEvaluation?> of) =>
    [
        new($"{prefix}_accuracy", $"{set} accuracy", [set, "accuracy"], false, true, s => of(s)?.Metrics.Accuracy),
        new($"{prefix}_balanced_accuracy", $"{set} balanced accuracy", [set, "balanced_accuracy"], false, true, s => of(s)?.Metrics.BalancedAccuracy),
        new($"{prefix}_macro_f1", $"{set} macro F1", [set, "macro_f1"], false, true, s => of(s)?.Metrics.MacroF1),
        // Sensitivity always says its rule: as top class (the class with the highest probability), or at the
        // operating threshold chosen on validation (what predict does; optimistic on validation itself).
        new($"{prefix}_positive_sensitivity", $"{set} melanoma sensitivity (top class)", [set, "positive_class", "sensitivity", "value"], false, true, s => of(s)?.Positive?.Sensitivity.Value),
        new($"{prefix}_positive_specificity", $"{set} melanoma specificity (top class)", [set, "positive_class", "specificity", "value"], false, true, s => of(s)?.Positive?.Specificity.Value) { NeedsBothSides = true },
        new($"{prefix}_positive_sensitivity_at_threshold", $"{set} melanoma sensitivity (at threshold)", [set, "positive_class", "operating_point", "sensitivity", "value"], false, true, s => of(s)?.Positive?.Operating?.Sensitivity.Value),
        new($"{prefix}_positive_specificity_at_threshold", $"{set} melanoma specificity (at threshold)", [set, "positive_class", "operating_point", "specificity", "value"], false, true, s => of(s)?.Positive?.Operating?.Specificity.Value) { NeedsBothSides = true },
        new($"{prefix}_positive_auc", $"{set} melanoma ROC AUC", [set, "positive_class", "roc_auc", "value"], false, false, s => of(s)?.Positive?.Auc.Value) { NeedsBothSides = true },
    ];

    /// <summary>Whether the figure needs <see cref="BinaryEvaluation.MinPerSide"/> images of each side to be read (ROC AUC, specificity).</summary>
    public bool NeedsBothSides { get; init; }

    /// <summary>
    /// The value as reports show it: null, like a missing one, when it needs both sides and its set has fewer
    /// than <see cref="BinaryEvaluation.MinPerSide"/> of one. Verify reads the raw value (<see cref="Read"/>), a reproduction being about bits.
    /// </summary>
    public double? ReadShown(JsonElement step)
    {
        if (NeedsBothSides && (ReportJson.Number(step, [Path[0], "positive_class", "positives"]) is not { } p || ReportJson.Number(step, [Path[0], "positive_class", "negatives"]) is not { } n
            || p < BinaryEvaluation.MinPerSide || n < BinaryEvaluation.MinPerSide))
        {
            return null;
        }
        return Read(step);
    }
}
