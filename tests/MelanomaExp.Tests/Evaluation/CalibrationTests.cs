using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class CalibrationTests
{
    // Top probabilities 0.9 (right), 0.45 (wrong), 0.72 (right), 0.6 (wrong), 0.58 (right).
    private static readonly int[] Labels = [0, 0, 1, 1, 1];

    private static readonly float[][] Probabilities =
    [
        [0.9f, 0.05f, 0.05f],
        [0.35f, 0.2f, 0.45f],
        [0.2f, 0.72f, 0.08f],
        [0.6f, 0.3f, 0.1f],
        [0.42f, 0.58f, 0f],
    ];

    [Fact]
    public void Ten_bins_each_image_alone_gives_the_mean_gap_between_right_and_confidence()
    {
        var c = Calibration.Of(Labels, Probabilities);
        // By hand: (|1-0.9| + |0-0.45| + |1-0.72| + |0-0.6| + |1-0.58|) / 5 = 1.85 / 5.
        Assert.Equal(10, c.BinCount);
        Assert.Equal(0.37, c.ExpectedError, 6);
        Assert.Equal(1, c.Bins[9].Count);
        Assert.Equal(0, c.Bins[0].Count);
        Assert.True(double.IsNaN(c.Bins[0].Accuracy));
        Assert.Equal(0.6, c.Accuracy, 12);
    }

    [Fact]
    public void Two_bins_pool_the_upper_four_images()
    {
        var c = Calibration.Of(Labels, Probabilities, bins: 2);
        // [0, 0.5): 0.45 wrong, gap 0.45. [0.5, 1]: confidence (0.9+0.72+0.6+0.58)/4 = 0.7, accuracy 3/4, gap 0.05.
        // ECE = 1/5 * 0.45 + 4/5 * 0.05 = 0.13.
        Assert.Equal(0.13, c.ExpectedError, 6);
        Assert.Equal(4, c.Bins[1].Count);
        Assert.Equal(0.7, c.Bins[1].MeanConfidence, 6);
        Assert.Equal(0.75, c.Bins[1].Accuracy, 12);
    }

    [Fact]
    public void A_perfectly_calibrated_set_scores_zero_and_certainty_lands_in_the_last_bin()
    {
        // Confidence 0.75 on four images of which three are right; confidence 1.0 right.
        float[][] p = [[0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f], [0.75f, 0.25f], [0f, 1f]];
        var c = Calibration.Of([0, 0, 0, 1, 1], p);
        Assert.Equal(0, c.ExpectedError, 12);
        Assert.Equal(1, c.Bins[9].Count);
        Assert.Equal(4, c.Bins[7].Count);
    }
}
