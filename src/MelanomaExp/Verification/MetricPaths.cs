using System.Text.Json;

namespace MelanomaExp.Verification;

/// <summary>The metrics verify compares, and where each sits in a step of metrics.json.</summary>
public sealed record MetricPaths(string Name, bool IsLoss, Func<JsonElement, double?> Read)
{
    public static readonly IReadOnlyList<MetricPaths> All =
    [
        new("train_accuracy", false, s => Number(s, "final", "train_accuracy")),
        new("val_accuracy", false, s => Number(s, "final", "val_accuracy")),
        new("train_loss", true, s => Number(s, "final", "train_loss")),
        new("val_loss", true, s => Number(s, "final", "val_loss")),
        new("val_balanced_accuracy", false, s => Number(s, "validation", "balanced_accuracy")),
        new("val_positive_auc", false, s => Number(s, "validation", "positive_class", "roc_auc", "value")),
        new("test_accuracy", false, s => Number(s, "test", "accuracy")),
    ];

    private static double? Number(JsonElement e, params string[] path)
    {
        foreach (var key in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(key, out e))
            {
                return null;
            }
        }
        return e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
    }
}
