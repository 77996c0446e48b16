namespace MelanomaExp.Evaluation;

/// <summary>Settings of the evaluation: which class is "positive" and how many bootstrap resamples.</summary>
public sealed record EvaluationSettings(string? PositiveClass, int BootstrapResamples, int Seed)
{
    /// <summary>The melanoma threshold to apply; null chooses it on the evaluated set itself (Youden's J), as for validation.</summary>
    public double? OperatingThreshold { get; init; }
}

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
        ClassificationMetrics Resampled(int[] idx) =>
            ClassificationMetrics.From(new ConfusionMatrix(classes.Count, idx.Select(i => labels[i]).ToArray(), idx.Select(i => predictions[i]).ToArray()), classes);
        return new SetEvaluation(set, labels.Count, loss, metrics, confusion, positive, labels, predictions)
        {
            Probabilities = probabilities,
            // A resample can lose a rare class entirely; both averages then cover the classes it kept, as on the full set.
            BalancedAccuracy = Bootstrap.Interval(labels.Count, idx => Resampled(idx).BalancedAccuracy, settings.BootstrapResamples, settings.Seed + 3),
            MacroF1 = Bootstrap.Interval(labels.Count, idx => Resampled(idx).MacroF1, settings.BootstrapResamples, settings.Seed + 4),
        };
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

        double Auc(int[] idx) => Roc.Auc(idx.Select(i => scores[i]).ToArray(), idx.Select(i => truth[i]).ToArray());

        var n = labels.Count;
        var curve = Roc.Curve(scores, truth);
        var youden = Roc.YoudenThreshold(curve);
        var threshold = settings.OperatingThreshold ?? youden;
        var flagged = scores.Select(s => s >= threshold).ToArray();
        return new BinaryEvaluation(
            name,
            truth.Count(t => t),
            truth.Count(t => !t),
            Bootstrap.Interval(n, idx => Rate(idx, i => truth[i], i => called[i]), settings.BootstrapResamples, settings.Seed),
            Bootstrap.Interval(n, idx => Rate(idx, i => !truth[i], i => !called[i]), settings.BootstrapResamples, settings.Seed + 1),
            Bootstrap.Interval(n, Auc, settings.BootstrapResamples, settings.Seed + 2),
            youden,
            curve)
        {
            Operating = new OperatingPoint(
                threshold,
                settings.OperatingThreshold is null,
                Bootstrap.Interval(n, idx => Rate(idx, i => truth[i], i => flagged[i]), settings.BootstrapResamples, settings.Seed + 5),
                Bootstrap.Interval(n, idx => Rate(idx, i => !truth[i], i => !flagged[i]), settings.BootstrapResamples, settings.Seed + 6)),
            Scores = scores,
            Truth = truth,
        };
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
