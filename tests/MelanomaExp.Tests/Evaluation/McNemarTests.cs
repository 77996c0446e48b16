using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class McNemarTests
{
    private static McNemar Discordant(int onlyFirst, int onlySecond, int bothRight = 5)
    {
        var labels = new List<int>();
        var first = new List<int>();
        var second = new List<int>();
        void Add(int n, bool r1, bool r2)
        {
            for (var i = 0; i < n; i++)
            {
                labels.Add(0);
                first.Add(r1 ? 0 : 1);
                second.Add(r2 ? 0 : 1);
            }
        }
        Add(onlyFirst, true, false);
        Add(onlySecond, false, true);
        Add(bothRight, true, true);
        return McNemar.Test(labels, first, second);
    }

    [Fact]
    public void Few_discordant_pairs_use_the_exact_binomial_test()
    {
        var t = Discordant(10, 2);
        Assert.Equal((10, 2), (t.OnlyFirstRight, t.OnlySecondRight));
        Assert.Equal(2.0 * (1 + 12 + 66) / 4096, t.PValue, 10);
        Assert.Equal("exact binomial", t.Method);
    }

    [Fact]
    public void Many_discordant_pairs_use_continuity_corrected_chi_square()
    {
        // chi2 = (|30 - 10| - 1)^2 / 40 = 9.025; P(chi2(1) > 9.025) = 0.002663.
        Assert.Equal(0.002663, Discordant(30, 10).PValue, 5);
    }

    [Fact]
    public void Identical_predictions_give_p_one()
    {
        Assert.Equal(1.0, Discordant(0, 0).PValue);
    }
}
