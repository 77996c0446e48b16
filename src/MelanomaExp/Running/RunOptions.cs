using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Safety;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>Command-line choices that are not part of the experiment (they do not change its hash).</summary>
public sealed record RunOptions
{
    public string? DataRoot { get; init; }

    public string? OutputDir { get; init; }

    public DeviceChoice? Device { get; init; }

    public IProgress<TrainProgress>? Progress { get; init; }

    public Action<string>? Log { get; init; }

    /// <summary>Continue an interrupted run of the same experiment on the same data from its last checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>Continue an interrupted run when one of this experiment is there, else start afresh (what a requeued sweep task needs).</summary>
    public bool ResumeIfInterrupted { get; init; }

    /// <summary>Train the first epoch of the first step twice and record whether losses and weights agree.</summary>
    public bool AuditDeterminism { get; init; }

    /// <summary>Train every step even when the report in the output folder has an unchanged result for it.</summary>
    public bool Force { get; init; }

    /// <summary>Further inputs the output folder must keep clear of (verify: the report it verifies).</summary>
    public IReadOnlyList<ProtectedPath> Inputs { get; init; } = [];

    /// <summary>Where the finished run goes (Reporting's report writer); null writes nothing, the run's result is only returned.</summary>
    public IResultSink? Sink { get; init; }

    /// <summary>Called after each epoch with the step name and its numbers.</summary>
    public Action<string, EpochRecord>? EpochDone { get; init; }

    /// <summary>Where the data root comes from: --data-root, then MELANOMA_EXP_DATA, then data.root in the file.</summary>
    public string ResolveDataRoot(Experiment experiment) =>
        MelanomaExp.Acquisition.DataRoot.Resolve(DataRoot, experiment.Data.Root);
}
