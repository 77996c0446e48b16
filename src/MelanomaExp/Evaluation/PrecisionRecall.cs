namespace MelanomaExp.Evaluation;

/// <summary>One point of a precision-recall curve: the figures when scores at or above <paramref name="Threshold"/> count as positive.</summary>
public sealed record PrecisionRecallPoint(double Threshold, double Recall, double Precision);

/// <summary>
/// Precision-recall curve and average precision for a binary problem (positive = true). Unlike ROC, it
/// shows what share of the flagged images are truly positive, which is what a rare class's
/// false alarms cost.
/// </summary>
public static class PrecisionRecall
{
    /// <summary>One point per distinct score, highest first; tied scores enter together.</summary>
    public static IReadOnlyList<PrecisionRecallPoint> Curve(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var nPos = positive.Count(p => p);
        var points = new List<PrecisionRecallPoint>();
        int tp = 0, flagged = 0;
        foreach (var group in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (var i in group)
            {
                flagged++;
                tp += positive[i] ? 1 : 0;
            }
            points.Add(new PrecisionRecallPoint(group.Key, nPos == 0 ? double.NaN : tp / (double)nPos, tp / (double)flagged));
        }
        return points;
    }

    /// <summary>
    /// Average precision: the precision at each threshold weighted by the recall it adds,
    /// sum of (R_k - R_k-1) * P_k (step-wise, no interpolation, as scikit-learn's
    /// average_precision_score). NaN when there is no positive.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (!positive.Any(p => p))
        {
            return double.NaN;
        }
        double ap = 0, recall = 0;
        foreach (var point in Curve(scores, positive))
        {
            ap += (point.Recall - recall) * point.Precision;
            recall = point.Recall;
        }
        return ap;
    }
}
