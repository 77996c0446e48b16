using MathNet.Numerics.Statistics;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>One cycle of <see cref="HeadToHead"/>: melanoma-exp's median step, then PyTorch's, taken back to back.</summary>
public sealed record HeadToHeadCycle(double MelanomaExpMs, double PyTorchMs)
{
    /// <summary>How many times faster melanoma-exp trains than PyTorch in this cycle.</summary>
    public double Ratio => PyTorchMs / MelanomaExpMs;
}

/// <summary>
/// The engine-against-engine figure, taken in alternation: melanoma-exp's channels-last training step,
/// then the PyTorch reference's (channels-last, malloc tuned as melanoma-exp), repeated. On a shared or
/// virtual machine the speed of the host drifts by tens of percent within minutes, so two figures taken
/// minutes apart compare the host's moods; each cycle's ratio compares figures taken seconds apart, and
/// the median over cycles discards a cycle that a burst of load hit.
/// </summary>
public sealed record HeadToHead(IReadOnlyList<HeadToHeadCycle> Cycles)
{
    public const int DefaultCycles = 3;

    public double MedianRatio => Cycles.Select(c => c.Ratio).Median();

    public double MinRatio => Cycles.Min(c => c.Ratio);

    public double MaxRatio => Cycles.Max(c => c.Ratio);

    public static HeadToHead Run(string peerScript, int classes, int size, int batch, int rounds, int cycles, Device device, Action<string> log)
    {
        var threads = get_num_threads();
        var measured = new List<HeadToHeadCycle>();
        for (var i = 1; i <= cycles; i++)
        {
            log($"head to head, cycle {i} of {cycles}: melanoma-exp, then PyTorch (channels-last, malloc tuned) ...");
            var ours = StepBench.Run(StepBench.Nhwc, classes, size, batch, warmup: 3, rounds, device);
            var theirs = PeerBench.Run(peerScript, "nhwc", size, batch, threads, rounds, mallocTuned: true);
            measured.Add(new HeadToHeadCycle(ours.TrainMs.Median, theirs.TrainMedianMs));
        }
        return new HeadToHead(measured);
    }
}
