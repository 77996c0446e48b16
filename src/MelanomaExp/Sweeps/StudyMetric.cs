using MelanomaExp.Results;
using System.Text.Json;

namespace MelanomaExp.Sweeps;

/// <summary>A figure the study summarises over seeds, read from one step of a run's metrics.json (names as verify's).</summary>
public sealed record StudyMetric(string Name, string Label, string[] Path, bool Percent)
{
    public static readonly IReadOnlyList<StudyMetric> All = [.. For("val", "validation"), .. For("test", "test")];

    public double? Read(JsonElement step) => ReportJson.Number(step, Path);

    private static IEnumerable<StudyMetric> For(string prefix, string set) =>
    [
        new($"{prefix}_accuracy", $"{set} accuracy", [set, "accuracy"], true),
        new($"{prefix}_balanced_accuracy", $"{set} balanced accuracy", [set, "balanced_accuracy"], true),
        new($"{prefix}_macro_f1", $"{set} macro F1", [set, "macro_f1"], true),
        new($"{prefix}_positive_sensitivity", $"{set} melanoma sensitivity", [set, "positive_class", "sensitivity", "value"], true),
        new($"{prefix}_positive_specificity", $"{set} melanoma specificity", [set, "positive_class", "specificity", "value"], true),
        new($"{prefix}_positive_auc", $"{set} melanoma ROC AUC", [set, "positive_class", "roc_auc", "value"], false),
    ];
}
