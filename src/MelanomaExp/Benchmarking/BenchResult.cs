using MelanomaExp.Provenance;
using MelanomaExp.Training;

namespace MelanomaExp.Benchmarking;

/// <summary>Everything one <c>bench</c> invocation measured. Sections that need data or --peer are null when not run.</summary>
public sealed record BenchResult(
    EnvironmentInfo Environment,
    BenchSettings Settings,
    IReadOnlyList<LayoutTiming> Layouts,
    double ForwardGflopPerImage,
    double TrainGflopPerImage,
    FmaCeiling.Result Ceiling)
{
    /// <summary>The ceiling per instruction set; <see cref="Ceiling"/> is the highest.</summary>
    public IReadOnlyList<FmaCeiling.Result> Ceilings { get; init; } = [];

    public DataTiming? Data { get; init; }

    public IReadOnlyList<EpochTiming>? Epochs { get; init; }

    public IReadOnlyList<PeerTiming>? Peer { get; init; }

    /// <summary>melanoma-exp and the tuned PyTorch reference in alternation: the figure the speed target is judged by.</summary>
    public HeadToHead? HeadToHead { get; init; }

    /// <summary>The plain seed CNN's training step per layer (channels-last), and PyTorch's when --peer ran.</summary>
    public IReadOnlyList<LayerTiming>? Layers { get; init; }

    public PeerLayers? PeerLayers { get; init; }

    /// <summary>The plain seed CNN in channels-last with bf16 mixed precision; null where the CPU has no bfloat16 arithmetic.</summary>
    public LayoutTiming? ReducedPrecision { get; init; }

    /// <summary>Mixed precision's training rate over float32's, channels-last, same run.</summary>
    public double? ReducedPrecisionSpeedup => ReducedPrecision is { } r && Layouts.FirstOrDefault(l => l.Layout == StepBench.Nhwc) is { } fp32
        ? r.TrainImagesPerS.Median / fp32.TrainImagesPerS.Median
        : null;

    /// <summary>1-minute load average when the bench started and when it ended (null off Linux).</summary>
    public double? LoadAtStart { get; init; }

    public double? LoadAtEnd { get; init; }

    /// <summary>Peak RSS of the whole bench process, data loading included.</summary>
    public long PeakRssBytes { get; init; }

    public LayoutTiming Fastest => Layouts.MaxBy(l => l.TrainImagesPerS.Median)!;

    /// <summary>Every timed row: the float32 layouts, the step's own model, the mixed-precision run.</summary>
    public IReadOnlyList<LayoutTiming> TimedLayouts => [.. Layouts, .. new[] { StepModel, ReducedPrecision }.OfType<LayoutTiming>()];

    public double TrainImagesPerS => Fastest.TrainImagesPerS.Median;

    public double AchievedGflops => TrainGflopPerImage * TrainImagesPerS;

    public double PeakFraction => AchievedGflops / Ceiling.GflopsPerS;

    /// <summary>The timed step's own model (dropout, batch norm) alone, channels-last; null when it is the plain seed CNN.</summary>
    public LayoutTiming? StepModel { get; init; }

    /// <summary>
    /// The step's own model (or the plain seed CNN), channels-last, timed again right after the real
    /// epochs: this host's speed drifts by tens of percent within minutes, so the reference is taken
    /// next to what it is held against rather than at the start of the bench.
    /// </summary>
    public LayoutTiming? EpochReference { get; init; }

    /// <summary>The pure step rate the real epochs are held against.</summary>
    public double EpochReferenceImagesPerS => (EpochReference ?? StepModel)?.TrainImagesPerS.Median ?? TrainImagesPerS;

    /// <summary>
    /// The epochs the overhead is taken over: all but the first when there are two or more, because the
    /// first pays one-time costs (kernel selection, first use of memory) that later epochs do not.
    /// </summary>
    public IReadOnlyList<EpochTiming> SteadyEpochs => Epochs is { Count: > 1 } e ? [.. e.Skip(1)] : Epochs ?? [];

    /// <summary>
    /// Epoch overhead over the steady epochs: the time outside the training step's math (data waits,
    /// validation, bookkeeping) over the step's own time (forward+backward and optimizer). Both come from
    /// the same seconds, so a change in the host's speed cancels out; held against a step rate timed
    /// separately, the same epochs read anywhere from 1% to 17% on this host from one bench to the next.
    /// </summary>
    public double? EpochOverheadFraction => SteadyEpochs is { Count: > 0 } e
        ? e.Sum(x => Outside(x.Breakdown)) / e.Sum(x => StepTime(x.Breakdown))
        : null;

    /// <summary>One epoch's time outside the step's math over the step's own time.</summary>
    public static double OverheadOf(EpochBreakdown epoch) => Outside(epoch) / StepTime(epoch);

    /// <summary>The training step's rate inside the steady epochs (forward+backward and optimizer only), for comparison with the step alone.</summary>
    public double? InLoopStepImagesPerS => SteadyEpochs is { Count: > 0 } e
        ? e.Sum(x => x.Breakdown.Images) / e.Sum(x => StepTime(x.Breakdown))
        : null;

    private static double StepTime(EpochBreakdown b) => b.ForwardBackward + b.Optimizer;

    private static double Outside(EpochBreakdown b) => Math.Max(0, b.Total - StepTime(b));

    /// <summary>The reference script as shipped, its faster layout: the comparison the targets name.</summary>
    public PeerTiming? PeerFastest => Peer?.Where(p => !p.MallocTuned).MaxBy(p => p.TrainImagesPerS);

    public double? PeerRatio => PeerFastest is { } p ? TrainImagesPerS / p.TrainImagesPerS : null;

    /// <summary>The reference given the same malloc settings as melanoma-exp: the engine against the engine.</summary>
    public PeerTiming? PeerTunedFastest => Peer?.Where(p => p.MallocTuned).MaxBy(p => p.TrainImagesPerS);

    public double? PeerTunedRatio => PeerTunedFastest is { } p ? TrainImagesPerS / p.TrainImagesPerS : null;
}

/// <summary>What the bench ran with.</summary>
public sealed record BenchSettings(string? Experiment, string? Step, int ImageSize, int Batch, int Classes, int Rounds, bool Quick, double EpochFraction, bool Prefetch, string? Precision = null)
{
    /// <summary>False for a Debug build, whose managed code (the FMA loop, decoding, augmentation set-up) the JIT does not optimise.</summary>
    public bool OptimizedBuild { get; init; } = true;
}

/// <summary>Data-side throughputs in images per second, and the rate training consumes images at, for the ratio.</summary>
public sealed record DataTiming(int DecodedFiles, Samples DecodeOneThread, Samples DecodeAllCores, Samples Augmentation, Samples Rebalance, int RebalancedImages);
