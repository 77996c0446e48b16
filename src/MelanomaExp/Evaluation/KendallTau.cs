namespace MelanomaExp.Evaluation;

/// <summary>
/// Kendall's rank correlation, tau-b (ties counted as neither concordant nor discordant, and corrected for): 1 when two
/// orderings agree on every pair, -1 when they disagree on every pair. NaN with fewer than two items or no untied pair.
/// </summary>
internal static class KendallTau
{
    public static double Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("the two lists must be as long", nameof(y));
        }
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var (dx, dy) = (Math.Sign(x[i] - x[j]), Math.Sign(y[i] - y[j]));
                if (dx == 0 && dy == 0)
                {
                    continue;
                }
                if (dx == 0)
                {
                    tiedX++;
                }
                else if (dy == 0)
                {
                    tiedY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }
        var denominator = Math.Sqrt((double)(concordant + discordant + tiedX) * (concordant + discordant + tiedY));
        return denominator == 0 ? double.NaN : (concordant - discordant) / denominator;
    }
}
