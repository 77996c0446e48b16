using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class BootstrapTests
{
    private static readonly double[] Values = Enumerable.Range(0, 200).Select(i => (i * 37 % 101) / 100.0).ToArray();

    private static double Mean(int[] idx) => idx.Average(i => Values[i]);

    [Fact]
    public void Same_seed_same_interval_and_another_seed_another()
    {
        var a = Bootstrap.Interval(Values.Length, Mean, 500, seed: 7);
        var b = Bootstrap.Interval(Values.Length, Mean, 500, seed: 7);
        var c = Bootstrap.Interval(Values.Length, Mean, 500, seed: 8);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Interval_brackets_the_estimate_and_narrows_with_more_data()
    {
        var i = Bootstrap.Interval(Values.Length, Mean, 1000, seed: 1);
        Assert.Equal(Values.Average(), i.Value, 12);
        Assert.InRange(i.Value, i.Low, i.High);
        // Standard error of a mean of 200 values with sd ~0.29 is ~0.02: the 95% interval is about ±0.04.
        Assert.InRange(i.High - i.Low, 0.05, 0.12);
    }
}
