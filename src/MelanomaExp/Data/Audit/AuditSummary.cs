using MelanomaExp.Config;

namespace MelanomaExp.Data.Audit;

/// <summary>A side-by-side example for the report: two images and their captions.</summary>
public sealed record ExamplePair(string CaptionA, string CaptionB, byte[] A, byte[] B);

/// <summary>What the audit found in a run's data and what the policies did about it (report and metrics.json).</summary>
public sealed record AuditSummary(
    AuditSpec Policy,
    int Images,
    int ExactDuplicatePairs,
    int NearDuplicatePairs,
    int LabelConflictPairs,
    IReadOnlyList<(string First, string Second, int Pairs)> ConflictsByClassPair,
    int RemovedDuplicates,
    int RemovedConflicts,
    int GroupedImages,
    int TrainValidationPairs,
    int? TrainTestPairs,
    IReadOnlyList<ExamplePair> Examples)
{
    /// <summary>Of <see cref="LabelConflictPairs"/>, those byte- or pixel-identical (the rest are within the near-duplicate threshold).</summary>
    public int? ExactConflictPairs { get; init; }

    /// <summary>Distinct image files in conflicting pairs (fewer than twice the pairs when a picture is filed more than twice).</summary>
    public int? ConflictImages { get; init; }
}
