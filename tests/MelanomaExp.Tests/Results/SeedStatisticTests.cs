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
}
