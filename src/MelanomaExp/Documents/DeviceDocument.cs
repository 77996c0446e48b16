namespace MelanomaExp.Documents;

/// <summary>manifest.json's <c>device</c>: what was asked for and used, the build, why auto fell back, libtorch's switches, the CUDA preflight.</summary>
internal sealed record DeviceDocument(
    string Requested,
    string Used,
    string Backend,
    string Package,
    string? FallbackReason,
    DeterminismStateDocument? LibtorchDeterminism,
    CudaPreflightDocument? CudaPreflight);

/// <summary>libtorch's determinism switches as read back after setting them.</summary>
internal sealed record DeterminismStateDocument(bool CudnnDeterministic, bool CudnnBenchmark, bool DeterministicAlgorithms, bool WarnOnly);

/// <summary>What the CUDA preflight found; <see cref="Problem"/> is null when the GPU passed every check.</summary>
internal sealed record CudaPreflightDocument(
    string? Driver,
    int TorchDevices,
    string? Device,
    string? ComputeCapability,
    bool Cudnn,
    string? CudnnVersion,
    SeedingCheckDocument? Seeding,
    string? Problem,
    bool Passed);

/// <summary>The preflight's seeding check: one seed twice gives the same weights, another seed different ones.</summary>
internal sealed record SeedingCheckDocument(bool Repeats, bool SeedMatters, string FirstSha256, string SecondSha256, bool Passed);

/// <summary>The first epoch trained twice from the same seed: do the two agree bit for bit?</summary>
internal sealed record DeterminismAuditDocument(string Step, bool LossesMatch, bool WeightsMatch, string FirstWeightsSha256, string SecondWeightsSha256);
