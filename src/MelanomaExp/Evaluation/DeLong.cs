using MathNet.Numerics.Distributions;

namespace MelanomaExp.Evaluation;

/// <summary>DeLong's test result: the two areas, their difference (second minus first), its standard error, z and two-sided p.</summary>
public sealed record DeLongResult(double FirstAuc, double SecondAuc, double Difference, double StandardError, double Z, double PValue);

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988): the variance of the difference of two correlated ROC AUCs
/// measured on the same images, from each image's structural component (its share of the Mann-Whitney
/// comparisons). Pairing matters: two models scored on the same images make correlated errors, and
/// ignoring that (comparing two independent intervals) is needlessly conservative.
/// </summary>
internal static class DeLong
{
    public static DeLongResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, IReadOnlyList<bool> positive)
    {
        if (first.Count != positive.Count || second.Count != positive.Count)
        {
            throw new ArgumentException("scores and labels differ in length");
        }
        var pos = Enumerable.Range(0, positive.Count).Where(i => positive[i]).ToArray();
        var neg = Enumerable.Range(0, positive.Count).Where(i => !positive[i]).ToArray();
        if (pos.Length < 2 || neg.Length < 2)
        {
            return new DeLongResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var (v10a, v01a) = Components(first, pos, neg);
        var (v10b, v01b) = Components(second, pos, neg);
        var aucA = v10a.Average();
        var aucB = v10b.Average();
        // Var(B - A) = Var(A) + Var(B) - 2 Cov(A, B), each from positives' and negatives' components.
        var variance = (Covariance(v10a, v10a, aucA, aucA) + Covariance(v10b, v10b, aucB, aucB) - (2 * Covariance(v10a, v10b, aucA, aucB))) / pos.Length
            + ((Covariance(v01a, v01a, aucA, aucA) + Covariance(v01b, v01b, aucB, aucB) - (2 * Covariance(v01a, v01b, aucA, aucB))) / neg.Length);
        var difference = aucB - aucA;
        var se = Math.Sqrt(Math.Max(0, variance));
        if (se == 0)
        {
            // Identical rankings: no evidence of a difference; a difference with no variance cannot be tested.
            return new DeLongResult(aucA, aucB, difference, 0, difference == 0 ? 0 : double.NaN, difference == 0 ? 1 : double.NaN);
        }
        var z = difference / se;
        return new DeLongResult(aucA, aucB, difference, se, z, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z))));
    }

    /// <summary>Per positive: share of negatives it outranks; per negative: share of positives that outrank it (ties count one half).</summary>
    private static (double[] V10, double[] V01) Components(IReadOnlyList<double> scores, int[] pos, int[] neg)
    {
        var v10 = new double[pos.Length];
        var v01 = new double[neg.Length];
        for (var i = 0; i < pos.Length; i++)
        {
            var x = scores[pos[i]];
            for (var j = 0; j < neg.Length; j++)
            {
                var y = scores[neg[j]];
                var psi = x > y ? 1 : x == y ? 0.5 : 0;
                v10[i] += psi;
                v01[j] += psi;
            }
        }
        for (var i = 0; i < v10.Length; i++)
        {
            v10[i] /= neg.Length;
        }
        for (var j = 0; j < v01.Length; j++)
        {
            v01[j] /= pos.Length;
        }
        return (v10, v01);
    }

    private static double Covariance(double[] a, double[] b, double meanA, double meanB)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }
        return sum / (a.Length - 1);
    }
}
