using System.Diagnostics;
using MathNet.Numerics.Statistics;

namespace MelanomaExp.Benchmarking;

/// <summary>Repeated measurements of one quantity (milliseconds or images per second), summarised as min, median and max.</summary>
public sealed record Samples(IReadOnlyList<double> Values)
{
    public double Min => Values.Min();

    public double Median => Values.Median();

    public double Max => Values.Max();

    /// <summary>Milliseconds of each of <paramref name="rounds"/> calls, after <paramref name="warmup"/> untimed calls.</summary>
    public static Samples TimeMs(Action action, int warmup, int rounds)
    {
        for (var i = 0; i < warmup; i++)
        {
            action();
        }
        var values = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            values[i] = clock.Elapsed.TotalMilliseconds;
        }
        return new Samples(values);
    }

    /// <summary>Per-round throughput when each timed call handles <paramref name="items"/> items (the fastest round is the max).</summary>
    public Samples PerSecond(double items) => new(Values.Select(ms => items * 1000 / ms).ToArray());
}
