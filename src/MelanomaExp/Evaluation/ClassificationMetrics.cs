namespace MelanomaExp.Evaluation;

/// <summary>
/// Per-class precision, recall and F1 with support. A class with no images in the set (support 0)
/// has no recall and no F1 (NaN, shown as n/a); its precision is 0 when the model predicted it
/// anyway (every such call is wrong) and NaN when it did not.
/// </summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Multi-class metrics. Balanced accuracy and macro F1 average over the same classes: those with at
/// least one image in the set (<see cref="Absent"/> lists the others). scikit-learn would count an
/// absent class in macro F1 as 0 but leave it out of balanced accuracy, which makes the two
/// incomparable. Precision of a present class never predicted is 0 (zero_division=0); weighted F1
/// weights by support.
/// </summary>
public sealed record ClassificationMetrics(
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassMetrics> PerClass)
{
    /// <summary>Classes with no image in the set, left out of balanced accuracy and macro F1.</summary>
    public IReadOnlyList<string> Absent => [.. PerClass.Where(p => p.Support == 0).Select(p => p.Name)];

    public static ClassificationMetrics From(ConfusionMatrix m, IReadOnlyList<string> names)
    {
        var perClass = new List<ClassMetrics>();
        for (var c = 0; c < m.Classes; c++)
        {
            var tp = m.Counts[c, c];
            var predicted = m.PredictedAs(c);
            var support = m.Support(c);
            if (support == 0)
            {
                perClass.Add(new ClassMetrics(names[c], predicted == 0 ? double.NaN : 0, double.NaN, double.NaN, 0));
                continue;
            }
            var precision = predicted == 0 ? 0 : tp / (double)predicted;
            var recall = tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(names[c], precision, recall, f1, support));
        }
        var total = m.Total;
        var present = perClass.Where(p => p.Support > 0).ToList();
        return new ClassificationMetrics(
            total == 0 ? double.NaN : m.Correct / (double)total,
            present.Count == 0 ? double.NaN : present.Average(p => p.Recall),
            present.Count == 0 ? double.NaN : present.Average(p => p.F1),
            total == 0 ? double.NaN : present.Sum(p => p.F1 * p.Support) / total,
            perClass);
    }
}
