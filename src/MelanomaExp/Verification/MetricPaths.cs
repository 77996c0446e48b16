using System.Text.Json;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>The metrics verify compares, and where each sits in a step of metrics.json.</summary>
public sealed record MetricPaths(string Name, bool IsLoss, Func<JsonElement, double?> Read)
{
    public static readonly IReadOnlyList<MetricPaths> All =
    [
        new("train_accuracy", false, s => ReportJson.Number(s, "final", "train_accuracy")),
        new("val_accuracy", false, s => ReportJson.Number(s, "final", "val_accuracy")),
        new("train_loss", true, s => ReportJson.Number(s, "final", "train_loss")),
        new("val_loss", true, s => ReportJson.Number(s, "final", "val_loss")),
        new("val_balanced_accuracy", false, s => ReportJson.Number(s, "validation", "balanced_accuracy")),
        new("val_positive_auc", false, s => ReportJson.Number(s, "validation", "positive_class", "roc_auc", "value")),
        new("test_accuracy", false, s => ReportJson.Number(s, "test", "accuracy")),
    ];
}
