using MelanomaExp.Results;

namespace MelanomaExp.Tests.Results;

public class SeedStatisticTests
{
    [Fact]
    public void Statistic_uses_the_t_interval_of_the_mean()
    {
        var s = new SeedStatistic("s", "m", [1.0, 2.0, 3.0]);
        Assert.Equal(2.0, s.Mean, 12);
        Assert.Equal(1.0, s.StandardDeviation, 12);
        Assert.Equal(4.302653 / Math.Sqrt(3), s.HalfWidth, 5);
    }

    [Fact]
    public void Interval_is_cut_at_the_range_a_share_can_take()
    {
        // Sensitivities 0.40, 0.64, 0.97 over three seeds: mean 0.67, sd 0.286, t(0.975, 2) = 4.303, half-width 0.711.
        var s = new SeedStatistic("base", "val_positive_sensitivity", [0.40, 0.64, 0.97]);
        Assert.Equal(0.711, s.HalfWidth, 3);
        Assert.Equal((0.0, 1.0), s.Interval95);
        var narrow = new SeedStatistic("base", "val_accuracy", [0.55, 0.57, 0.59]);
        Assert.Equal((narrow.Mean - narrow.HalfWidth, narrow.Mean + narrow.HalfWidth), narrow.Interval95);
        // A loss is not a share: its interval may pass 1 and is left as it is.
        var loss = new SeedStatistic("base", "val_loss", [0.40, 0.64, 0.97]);
        Assert.Equal(loss.Mean + loss.HalfWidth, loss.Interval95.High, 12);
        Assert.True(loss.Interval95.Low < 0);
    }
}
