using MelanomaExp.Benchmarking;
using MelanomaExp.Provenance;

namespace MelanomaExp.Tests.Benchmarking;

public class SamplesTests
{
    [Fact]
    public void Summarises_min_median_max_and_converts_to_throughput()
    {
        var ms = new Samples([400, 100, 200, 300, 250]);
        Assert.Equal((100, 250, 400), (ms.Min, ms.Median, ms.Max));
        var rate = ms.PerSecond(32);
        Assert.Equal(320, rate.Max, 6);
        Assert.Equal(80, rate.Min, 6);
        Assert.Equal(128, rate.Median, 6);
    }

    [Fact]
    public void Times_every_round_after_the_warmup()
    {
        var calls = 0;
        var samples = Samples.TimeMs(() => calls++, warmup: 2, rounds: 5);
        Assert.Equal(7, calls);
        Assert.Equal(5, samples.Values.Count);
        Assert.All(samples.Values, v => Assert.True(v >= 0));
    }

    [Fact]
    public void Fma_ceiling_is_measured_for_each_instruction_set_and_is_plausible()
    {
        var ceilings = FmaCeiling.MeasureAll(0.05);
        Assert.NotEmpty(ceilings);
        // No core does 10,000 GFLOP/s, so a higher figure means the work is miscounted. A lower bound would make this
        // a timed test: on a loaded machine the loop gets almost no CPU (0.38 GFLOP/s was seen during a training run).
        Assert.All(ceilings, c => Assert.InRange(c.GflopsPerS, double.Epsilon, 10_000.0 * c.Threads));
    }

    [Fact]
    public void Peak_rss_is_at_least_the_current_rss()
    {
        var rss = ProcessMemory.RssBytes();
        Assert.True(rss > 10 << 20, $"RSS {rss}");
        Assert.True(ProcessMemory.PeakRssBytes() >= rss);
    }
}
