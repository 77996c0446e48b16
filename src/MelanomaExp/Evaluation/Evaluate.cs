namespace MelanomaExp.Evaluation;

/// <summary>Settings of the evaluation: which class is "positive" and how many bootstrap resamples.</summary>
public sealed record EvaluationSettings(string? PositiveClass, int BootstrapResamples, int Seed);

/// <summary>Turns a model's predictions on a set into every metric the report shows.</summary>
public static class Evaluate
{
    public static SetEvaluation Set(
        string set,
        IReadOnlyList<string> classes,
        IReadOnlyList<int> labels,
        IReadOnlyList<int> predictions,
        IReadOnlyList<float[]> probabilities,
        double loss,
        EvaluationSettings settings)
    {
        var confusion = new ConfusionMatrix(classes.Count, labels, predictions);
        var metrics = ClassificationMetrics.From(confusion, classes);
        var positiveIndex = settings.PositiveClass is null ? -1 : classes.ToList().IndexOf(settings.PositiveClass);
        var positive = positiveIndex < 0 ? null : Binary(classes[positiveIndex], positiveIndex, labels, predictions, probabilities, settings);
        return new SetEvaluation(set, labels.Count, loss, metrics, confusion, positive, labels, predictions);
    }

    private static BinaryEvaluation Binary(
        string name,
        int positive,
        IReadOnlyList<int> labels,
        IReadOnlyList<int> predictions,
        IReadOnlyList<float[]> probabilities,
        EvaluationSettings settings)
    {
        var truth = labels.Select(l => l == positive).ToArray();
        var called = predictions.Select(p => p == positive).ToArray();
        var scores = probabilities.Select(p => (double)p[positive]).ToArray();

        double Sensitivity(int[] idx) => Rate(idx, i => truth[i], i => called[i]);
        double Specificity(int[] idx) => Rate(idx, i => !truth[i], i => !called[i]);
        double Auc(int[] idx) => Roc.Auc(idx.Select(i => scores[i]).ToArray(), idx.Select(i => truth[i]).ToArray());

        var n = labels.Count;
        var curve = Roc.Curve(scores, truth);
        return new BinaryEvaluation(
            name,
            truth.Count(t => t),
            truth.Count(t => !t),
            Bootstrap.Interval(n, Sensitivity, settings.BootstrapResamples, settings.Seed),
            Bootstrap.Interval(n, Specificity, settings.BootstrapResamples, settings.Seed + 1),
            Bootstrap.Interval(n, Auc, settings.BootstrapResamples, settings.Seed + 2),
            Roc.YoudenThreshold(curve),
            curve);
    }

    /// <summary>Share of the images meeting <paramref name="condition"/> that also meet <paramref name="hit"/>; NaN when none do.</summary>
    private static double Rate(int[] idx, Func<int, bool> condition, Func<int, bool> hit)
    {
        int total = 0, hits = 0;
        foreach (var i in idx)
        {
            if (condition(i))
            {
                total++;
                hits += hit(i) ? 1 : 0;
            }
        }
        return total == 0 ? double.NaN : hits / (double)total;
    }
}
