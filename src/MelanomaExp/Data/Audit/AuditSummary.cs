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
    IReadOnlyList<ExamplePair> Examples);
