using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class KendallTauTests
{
    [Fact]
    public void Agreeing_orders_give_one_reversed_give_minus_one_and_one_swap_of_four_gives_two_thirds()
    {
        Assert.Equal(1, KendallTau.Of([1, 2, 3, 4], [10, 20, 30, 40]), 12);
        Assert.Equal(-1, KendallTau.Of([1, 2, 3, 4], [4, 3, 2, 1]), 12);
        // 6 pairs, 5 concordant and 1 discordant: (5 - 1) / 6.
        Assert.Equal(4 / 6.0, KendallTau.Of([1, 2, 3, 4], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void Ties_are_corrected_for_as_tau_b_and_nothing_to_rank_is_not_a_number()
    {
        // x ties one pair: concordant 5, discordant 0, ties in x 1 of 6 pairs: 5 / sqrt(5 * 6) (scipy.stats.kendalltau gives 0.9129).
        Assert.Equal(5 / Math.Sqrt(30), KendallTau.Of([1, 1, 2, 3], [1, 2, 3, 4]), 12);
        Assert.True(double.IsNaN(KendallTau.Of([1], [1])));
        Assert.True(double.IsNaN(KendallTau.Of([2, 2, 2], [1, 2, 3])));
    }
}
