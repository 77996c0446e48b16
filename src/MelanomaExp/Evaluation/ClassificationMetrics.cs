namespace MelanomaExp.Evaluation;

/// <summary>Per-class precision, recall and F1 with support.</summary>
public sealed record ClassMetrics(string Name, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Multi-class metrics with scikit-learn's conventions: precision of a class never predicted is 0
/// (zero_division=0); balanced accuracy is the mean recall over classes present in the labels; macro F1
/// averages every class, weighted F1 weights by support.
/// </summary>
public sealed record ClassificationMetrics(
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double WeightedF1,
    IReadOnlyList<ClassMetrics> PerClass)
{
    public static ClassificationMetrics From(ConfusionMatrix m, IReadOnlyList<string> names)
    {
        var perClass = new List<ClassMetrics>();
        for (var c = 0; c < m.Classes; c++)
        {
            var tp = m.Counts[c, c];
            var predicted = m.PredictedAs(c);
            var support = m.Support(c);
            var precision = predicted == 0 ? 0 : tp / (double)predicted;
            var recall = support == 0 ? 0 : tp / (double)support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(names[c], precision, recall, f1, support));
        }
        var total = m.Total;
        var present = perClass.Where(p => p.Support > 0).ToList();
        return new ClassificationMetrics(
            total == 0 ? 0 : m.Correct / (double)total,
            present.Count == 0 ? 0 : present.Average(p => p.Recall),
            perClass.Average(p => p.F1),
            total == 0 ? 0 : perClass.Sum(p => p.F1 * p.Support) / total,
            perClass);
    }
}
