using MathNet.Numerics.Statistics;

namespace MelanomaExp.Evaluation;

/// <summary>
/// Percentile bootstrap confidence intervals: resample the evaluated images with replacement, recompute
/// the statistic, take the 2.5th and 97.5th percentiles. Seeded, so the same inputs give the same interval.
/// </summary>
public static class Bootstrap
{
    public static Interval Interval(int count, Func<int[], double> statistic, int resamples, int seed, double level = 0.95)
    {
        var all = Enumerable.Range(0, count).ToArray();
        var value = statistic(all);
        if (count == 0 || resamples <= 0)
        {
            return new Interval(value, double.NaN, double.NaN);
        }
        var rng = new Random(seed);
        var draws = new List<double>(resamples);
        var sample = new int[count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < count; i++)
            {
                sample[i] = rng.Next(count);
            }
            var s = statistic(sample);
            if (!double.IsNaN(s))
            {
                draws.Add(s);
            }
        }
        if (draws.Count == 0)
        {
            return new Interval(value, double.NaN, double.NaN);
        }
        var tail = (1 - level) / 2;
        return new Interval(value, draws.Quantile(tail), draws.Quantile(1 - tail));
    }
}
