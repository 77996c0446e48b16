using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MelanomaExp.Results;

/// <summary>One metric of one step over several seeds: mean, standard deviation and a 95% t-interval of the mean.</summary>
public sealed record SeedStatistic(string Step, string Metric, IReadOnlyList<double> Values)
{
    public double Mean => Values.Mean();

    public double StandardDeviation => Values.StandardDeviation();

    /// <summary>NaN for a single value: one seed says nothing about the spread.</summary>
    public double HalfWidth => Values.Count < 2 ? double.NaN : StudentT.InvCDF(0, 1, Values.Count - 1, 0.975) * StandardDeviation / Math.Sqrt(Values.Count);

    /// <summary>
    /// The 95% t-interval of the mean, cut at 0 and 1 for a metric that is a share (every one but the losses):
    /// with three seeds the interval can pass 100%, and a bound no run could reach tells the reader nothing.
    /// </summary>
    public (double Low, double High) Interval95
    {
        get
        {
            var (low, high) = (Mean - HalfWidth, Mean + HalfWidth);
            var share = ReportMetric.All.FirstOrDefault(m => m.Name == Metric) is { IsLoss: false };
            return share ? (Math.Max(0, low), Math.Min(1, high)) : (low, high);
        }
    }
}
