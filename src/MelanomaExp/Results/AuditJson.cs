using MelanomaExp.Data.Audit;
using MelanomaExp.Documents;

namespace MelanomaExp.Results;

/// <summary>metrics.json's <c>audit</c> block from what the data-quality audit found; null for a run without an audit.</summary>
internal static class AuditJson
{
    public static AuditDocument? Document(AuditSummary? a) => a is null ? null : new AuditDocument
    {
        Images = a.Images,
        ExactDuplicatePairs = a.ExactDuplicatePairs,
        NearDuplicatePairs = a.NearDuplicatePairs,
        LabelConflictPairs = a.LabelConflictPairs,
        IdenticalLabelConflictPairs = a.ExactConflictPairs,
        LabelConflictFiles = a.ConflictImages,
        ConflictsByClassPair = [.. a.ConflictsByClassPair.Select(c => new ClassPairConflictsDocument([c.First, c.Second], c.Pairs))],
        RemovedDuplicates = a.RemovedDuplicates,
        RemovedConflicts = a.RemovedConflicts,
        GroupedImages = a.GroupedImages,
        CrossSplitPairs = a.TrainValidationPairs,
        TrainTestPairs = a.TrainTestPairs,
        TrainTestCopies = a.TrainTestPairs is null ? null : a.TrainTestCopies.Select(c => new TrainTestCopyDocument(
            Path.GetFileName(c.TestFile), c.TestClass, Path.GetFileName(c.TrainFile), c.TrainClass, c.Exact, c.SameLabel)).ToList(),
        Threshold = a.Policy.NearDuplicateThreshold,
        Policy = new AuditPolicyDocument(
            a.Policy.Duplicates.ToString().ToLowerInvariant(),
            a.Policy.Conflicts.ToString().ToLowerInvariant(),
            a.Policy.Leakage.ToString().ToLowerInvariant()),
    };
}
