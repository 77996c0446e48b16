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
        new($"{prefix}_positive_sensitivity", $"{set} melanoma sensitivity", [set, "positive_class", "sensitivity", "value"], false, true, s => of(s)?.Positive?.Sensitivity.Value),
        new($"{prefix}_positive_specificity", $"{set} melanoma specificity", [set, "positive_class", "specificity", "value"], false, true, s => of(s)?.Positive?.Specificity.Value),
        new($"{prefix}_positive_auc", $"{set} melanoma ROC AUC", [set, "positive_class", "roc_auc", "value"], false, false, s => of(s)?.Positive?.Auc.Value),
    ];
}
