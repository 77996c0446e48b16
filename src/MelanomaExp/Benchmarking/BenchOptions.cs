using MelanomaExp.Config;

namespace MelanomaExp.Benchmarking;

/// <summary>What to benchmark. Without an experiment only the model, the FMA ceiling and the peer run (on random inputs).</summary>
public sealed record BenchOptions
{
    public Experiment? Experiment { get; init; }

    public string? DataRoot { get; init; }

    /// <summary>The step whose first epochs are timed (default: the experiment's first).</summary>
    public string? Step { get; init; }

    public bool Quick { get; init; }

    /// <summary>Epochs of the real step to time (2 or more shows whether memory stays flat).</summary>
    public int Epochs { get; init; } = 2;

    /// <summary>Path of peer_seed_cnn.py, "" for the default location, null for no peer run.</summary>
    public string? Peer { get; init; }

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Prepare each batch only when it is needed, to measure what overlapping buys.</summary>
    public bool NoPrefetch { get; init; }

    public Action<string> Log { get; init; } = _ => { };

    public int Rounds => Quick ? 5 : 15;

    /// <summary>Share of the step's training and validation images in the timed epochs.</summary>
    public double EpochFraction => Quick ? 0.125 : 1;
}
