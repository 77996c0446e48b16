using MathNet.Numerics.Statistics;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class DeLongTests
{
    [Fact]
    public void Matches_a_hand_computed_example()
    {
        // Images: positives p1, p2; negatives n1, n2.
        // A: p 0.8, 0.6; n 0.7, 0.2 -> components V10 = [1, 0.5], V01 = [0.5, 1], AUC 0.75.
        // B: p 0.9, 0.7; n 0.4, 0.6 -> every positive above every negative, AUC 1, constant components.
        // Var(B - A) = Var(V10_A)/2 + Var(V01_A)/2 = 0.125/2 + 0.125/2 = 0.125; z = 0.25 / sqrt(0.125) = 0.7071.
        bool[] truth = [true, true, false, false];
        var r = DeLong.Test([0.8, 0.6, 0.7, 0.2], [0.9, 0.7, 0.4, 0.6], truth);
        Assert.Equal(0.75, r.FirstAuc, 12);
        Assert.Equal(1, r.SecondAuc, 12);
        Assert.Equal(Math.Sqrt(0.125), r.StandardError, 12);
        Assert.Equal(0.25 / Math.Sqrt(0.125), r.Z, 12);
        Assert.Equal(0.4795, r.PValue, 4);
    }

    [Fact]
    public void The_same_scores_show_no_difference()
    {
        var (scores, truth) = Simulated(new Random(3), 80, 0.2, 1.0);
        var r = DeLong.Test(scores, scores, truth);
        Assert.Equal(0, r.Difference);
        Assert.Equal(1, r.PValue);
    }

    [Fact]
    public void Standard_error_agrees_with_a_paired_bootstrap_and_a_real_difference_is_found()
    {
        var rng = new Random(5);
        var truth = Enumerable.Range(0, 400).Select(_ => rng.NextDouble() < 0.25).ToArray();
        var weak = truth.Select(t => (t ? 0.6 : 0) + Gaussian(rng)).ToArray();
        var strong = weak.Select((w, i) => w + (truth[i] ? 0.6 : 0) + (0.5 * Gaussian(rng))).ToArray();
        var r = DeLong.Test(weak, strong, truth);

        // Oracle independent of DeLong's algebra: resample images, recompute both AUCs by ranks.
        var draws = new List<double>();
        var boot = new Random(9);
        for (var b = 0; b < 600; b++)
        {
            var idx = Enumerable.Range(0, truth.Length).Select(_ => boot.Next(truth.Length)).ToArray();
            var t = idx.Select(i => truth[i]).ToArray();
            draws.Add(Roc.Auc(idx.Select(i => strong[i]).ToArray(), t) - Roc.Auc(idx.Select(i => weak[i]).ToArray(), t));
        }
        var bootstrapSe = draws.StandardDeviation();
        Assert.InRange(r.StandardError / bootstrapSe, 0.85, 1.15);
        Assert.Equal(Roc.Auc(strong, truth) - Roc.Auc(weak, truth), r.Difference, 12);
        Assert.True(r.PValue < 0.001, $"p = {r.PValue}");
    }

    [Fact]
    public void Under_no_difference_about_five_percent_of_p_values_fall_below_0_05()
    {
        // Two models of equal strength with independent noise: the test must not cry wolf.
        var rng = new Random(11);
        var rejections = 0;
        const int trials = 400;
        for (var k = 0; k < trials; k++)
        {
            var truth = Enumerable.Range(0, 120).Select(_ => rng.NextDouble() < 0.3).ToArray();
            var a = truth.Select(t => (t ? 1.0 : 0) + Gaussian(rng)).ToArray();
            var b = truth.Select(t => (t ? 1.0 : 0) + Gaussian(rng)).ToArray();
            rejections += DeLong.Test(a, b, truth).PValue < 0.05 ? 1 : 0;
        }
        Assert.InRange(rejections / (double)trials, 0.02, 0.09);
    }

    [Fact]
    public void The_paired_bootstrap_interval_of_a_difference_pairs_the_draws()
    {
        // Two models identical up to a constant shift rank every image alike: every paired draw gives 0.
        var (scores, truth) = Simulated(new Random(4), 60, 0.3, 0.8);
        var shifted = scores.Select(s => s + 1).ToArray();
        double Auc(double[] s, int[] idx) => Roc.Auc(idx.Select(i => s[i]).ToArray(), idx.Select(i => truth[i]).ToArray());
        var d = PairedBootstrap.Difference(truth.Length, idx => Auc(scores, idx), idx => Auc(shifted, idx), 200, 1);
        Assert.Equal((0.0, 0.0, 0.0), (d.Value, d.Low, d.High));
    }

    private static (double[] Scores, bool[] Truth) Simulated(Random rng, int n, double positiveShare, double signal)
    {
        var truth = Enumerable.Range(0, n).Select(_ => rng.NextDouble() < positiveShare).ToArray();
        return (truth.Select(t => (t ? signal : 0) + Gaussian(rng)).ToArray(), truth);
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
