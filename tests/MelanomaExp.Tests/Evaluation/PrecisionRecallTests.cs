using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class PrecisionRecallTests
{
    [Fact]
    public void Average_precision_matches_a_hand_computed_ranking()
    {
        // Ranked: P, N, P, N, P. Each positive adds recall 1/3 at precision 1/1, 2/3, 3/5.
        var ap = PrecisionRecall.AveragePrecision([0.9, 0.8, 0.7, 0.6, 0.5], [true, false, true, false, true]);
        Assert.Equal((1 + (2 / 3.0) + 0.6) / 3, ap, 12);
    }

    [Fact]
    public void Tied_scores_enter_together()
    {
        // A positive and a negative tied at 0.8: recall 1/2 at precision 1/2, then recall 1 at precision 2/3.
        var curve = PrecisionRecall.Curve([0.8, 0.8, 0.3], [true, false, true]);
        Assert.Equal(2, curve.Count);
        Assert.Equal(0.5, curve[0].Precision, 12);
        Assert.Equal(0.5, curve[0].Recall, 12);
        Assert.Equal((0.5 * 0.5) + (0.5 * 2 / 3.0), PrecisionRecall.AveragePrecision([0.8, 0.8, 0.3], [true, false, true]), 12);
    }

    [Fact]
    public void Perfect_ranking_scores_one_and_reversed_ranking_scores_low()
    {
        Assert.Equal(1, PrecisionRecall.AveragePrecision([0.9, 0.8, 0.2, 0.1], [true, true, false, false]), 12);
        // Reversed: recall 1/2 at precision 1/3, recall 1 at precision 2/4.
        Assert.Equal((0.5 / 3) + (0.5 * 0.5), PrecisionRecall.AveragePrecision([0.1, 0.2, 0.8, 0.9], [true, true, false, false]), 12);
        Assert.True(double.IsNaN(PrecisionRecall.AveragePrecision([0.5, 0.4], [false, false])));
    }
}
