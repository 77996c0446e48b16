using MelanomaExp.Provenance;

namespace MelanomaExp.Results;

/// <summary>What a committed result needs for someone else to trust and reproduce it; written as manifest.json.</summary>
public sealed record RunProvenance(
    GitInfo Git,
    DatasetFingerprint Train,
    DatasetFingerprint? Test,
    IReadOnlyDictionary<string, string> Packages,
    IReadOnlyList<StepTiming> Steps,
    DeterminismAudit? Audit)
{
    /// <summary>The device trained on, why, libtorch's determinism switches and the CUDA preflight.</summary>
    public Training.DeviceSelection? Device { get; init; }
}

/// <summary>Wall-clock span of one step; <paramref name="Reused"/> says it was resumed or reused from earlier work.</summary>
public sealed record StepTiming(string Step, DateTimeOffset Started, DateTimeOffset Finished, double Seconds, string? Reused);

/// <summary>The first epoch trained twice from the same seed: do the two agree bit for bit?</summary>
public sealed record DeterminismAudit(string Step, bool LossesMatch, bool WeightsMatch, string FirstWeightsSha256, string SecondWeightsSha256);
