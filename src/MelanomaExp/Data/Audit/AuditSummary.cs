using MelanomaExp.Config;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// A test image that is a copy (identical, or within the near-duplicate threshold) of a training image: with the same
/// label it is a leak (the model saw the answer), with another it is a label conflict between the splits.
/// </summary>
public sealed record TrainTestCopy(string TestFile, string TestClass, string TrainFile, string TrainClass, bool Exact)
{
    public bool SameLabel => TestClass == TrainClass;
}

/// <summary>A side-by-side example for the report: two images and their captions (lines separated by a newline).</summary>
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

    /// <summary>Every train/test copy, by file; empty without a test set.</summary>
    public IReadOnlyList<TrainTestCopy> TrainTestCopies { get; init; } = [];

    /// <summary>Distinct image files in conflicting pairs (fewer than twice the pairs when a picture is filed more than twice).</summary>
    public int? ConflictImages { get; init; }
}
