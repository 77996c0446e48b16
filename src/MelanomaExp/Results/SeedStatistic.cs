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
}
