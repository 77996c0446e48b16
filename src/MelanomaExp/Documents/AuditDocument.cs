using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>metrics.json's <c>audit</c>: what the data-quality audit found and the policy it applied.</summary>
internal sealed record AuditDocument
{
    public required int Images { get; init; }

    public required int ExactDuplicatePairs { get; init; }

    public required int NearDuplicatePairs { get; init; }

    public required int LabelConflictPairs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<int?> IdenticalLabelConflictPairs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<int?> LabelConflictFiles { get; init; }

    public required IReadOnlyList<ClassPairConflictsDocument> ConflictsByClassPair { get; init; }

    public required int RemovedDuplicates { get; init; }

    public required int RemovedConflicts { get; init; }

    public required int GroupedImages { get; init; }

    public required int CrossSplitPairs { get; init; }

    public required int? TrainTestPairs { get; init; }

    /// <summary>Null without a test set; file names only, the folders being the data root's.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Recorded<IReadOnlyList<TrainTestCopyDocument>> TrainTestCopies { get; init; }

    public required int Threshold { get; init; }

    public required AuditPolicyDocument Policy { get; init; }
}

internal sealed record ClassPairConflictsDocument(IReadOnlyList<string> Classes, int Pairs);

internal sealed record TrainTestCopyDocument(string TestFile, string TestClass, string TrainFile, string TrainClass, bool Exact, bool SameLabel);

internal sealed record AuditPolicyDocument(string Duplicates, string Conflicts, string Leakage);
