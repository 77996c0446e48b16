using MelanomaExp.Config;

namespace MelanomaExp.Results;

/// <summary>What a rebalance step added, for the report.</summary>
public sealed record RebalanceSummary(
    RebalanceScope Scope,
    int[] SourcesPerClass,
    int[] GeneratedPerClass,
    int[] TrainCounts,
    int[] ValidationCounts,
    IReadOnlyList<byte[]?> Samples,
    string CacheDir,
    bool FromCache)
{
    /// <summary>source-folder scope: validation images of which a generated copy is in training (the leakage).</summary>
    public int ValidationImagesWithCopyInTraining { get; init; }
}
