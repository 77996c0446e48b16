namespace MelanomaExp.Evaluation;

/// <summary>One point of a ROC curve: the rates when scores at or above <paramref name="Threshold"/> count as positive.</summary>
public sealed record RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);

/// <summary>ROC curve and area for a binary problem (positive = true).</summary>
internal static class Roc
{
    /// <summary>
    /// Area under the ROC curve as the Mann-Whitney statistic: the chance that a random positive scores
    /// above a random negative, ties counting one half. NaN when one of the two groups is empty.
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }
            var average = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        var nPos = positive.Count(p => p);
        var nNeg = positive.Count - nPos;
        if (nPos == 0 || nNeg == 0)
        {
            return double.NaN;
        }
        var rankSum = Enumerable.Range(0, ranks.Length).Where(i => positive[i]).Sum(i => ranks[i]);
        return (rankSum - (nPos * (nPos + 1) / 2.0)) / ((double)nPos * nNeg);
    }

    /// <summary>The curve from (0,0) to (1,1), one point per distinct score.</summary>
    public static IReadOnlyList<RocPoint> Curve(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var nPos = Math.Max(1, positive.Count(p => p));
        var nNeg = Math.Max(1, positive.Count(p => !p));
        var points = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        int tp = 0, fp = 0;
        foreach (var group in Enumerable.Range(0, scores.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (var i in group)
            {
                if (positive[i])
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
            points.Add(new RocPoint(group.Key, fp / (double)nNeg, tp / (double)nPos));
        }
        return points;
    }

    /// <summary>The threshold that maximises Youden's J (sensitivity + specificity - 1); 0.5 when undefined.</summary>
    public static double YoudenThreshold(IReadOnlyList<RocPoint> curve) =>
        curve.Where(p => double.IsFinite(p.Threshold)).DefaultIfEmpty(new RocPoint(0.5, 0, 0))
            .MaxBy(p => p.TruePositiveRate - p.FalsePositiveRate)!.Threshold;
}
