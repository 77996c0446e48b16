using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace MelanomaExp.Sweeps;

/// <summary>
/// B against A over the seeds both have: the mean of the per-seed differences, its 95% t-interval and the
/// two-sided paired t-test p-value. Seeds pair runs that share the split and initialisation, which
/// removes that part of the noise from the comparison.
/// </summary>
public sealed record PairedComparison(string Between, string A, string B, string Metric, IReadOnlyList<double> Differences)
{
    public int N => Differences.Count;

    public double Mean => Differences.Mean();

    public double? HalfWidth => N < 2 ? null : StudentT.InvCDF(0, 1, N - 1, 0.975) * Differences.StandardDeviation() / Math.Sqrt(N);

    public double? PValue
    {
        get
        {
            if (N < 2)
            {
                return null;
            }
            var sd = Differences.StandardDeviation();
            if (sd == 0)
            {
                return Mean == 0 ? 1 : 0;
            }
            var t = Mean / (sd / Math.Sqrt(N));
            return 2 * (1 - StudentT.CDF(0, 1, N - 1, Math.Abs(t)));
        }
    }

    /// <summary>
    /// <see cref="PValue"/> adjusted by Holm's method within its family (<see cref="FamilySize"/> tests: one
    /// metric, and the steps of one grid point or the grid points of one step); the verdict reads this one.
    /// </summary>
    public double? AdjustedPValue { get; init; }

    public int FamilySize { get; init; } = 1;

    public string Verdict => (AdjustedPValue ?? PValue) switch
    {
        null => "too few seeds to tell",
        < 0.05 => Mean > 0 ? $"B higher, beyond seed noise ({Threshold})" : $"B lower, beyond seed noise ({Threshold})",
        _ => "within seed noise",
    };

    private string Threshold => FamilySize > 1 ? $"Holm-adjusted p < 0.05 over {FamilySize} tests" : "p < 0.05";

    public static PairedComparison? Of(string between, StudyCell a, StudyCell b)
    {
        var shared = a.Seeds.Intersect(b.Seeds).ToList();
        if (shared.Count == 0)
        {
            return null;
        }
        var differences = shared.Select(s => b.Values[IndexOf(b.Seeds, s)] - a.Values[IndexOf(a.Seeds, s)]).ToList();
        return new PairedComparison(between, a.Label, b.Label, a.Metric.Name, differences);
    }

    private static int IndexOf(IReadOnlyList<int> seeds, int seed) => seeds.Select((s, i) => (s, i)).First(x => x.s == seed).i;
}
