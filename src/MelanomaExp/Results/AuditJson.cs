using System.Text.Json.Nodes;
using MelanomaExp.Data.Audit;

namespace MelanomaExp.Results;

/// <summary>metrics.json's <c>audit</c> object: what the data-quality audit found and the policy it applied.</summary>
internal static class AuditJson
{
    public static JsonObject? Json(AuditSummary? a) => a is null ? null : new JsonObject
    {
        ["images"] = a.Images,
        ["exact_duplicate_pairs"] = a.ExactDuplicatePairs,
        ["near_duplicate_pairs"] = a.NearDuplicatePairs,
        ["label_conflict_pairs"] = a.LabelConflictPairs,
        ["identical_label_conflict_pairs"] = a.ExactConflictPairs,
        ["label_conflict_files"] = a.ConflictImages,
        ["conflicts_by_class_pair"] = new JsonArray([.. a.ConflictsByClassPair.Select(c => (JsonNode?)new JsonObject { ["classes"] = new JsonArray(c.First, c.Second), ["pairs"] = c.Pairs })]),
        ["removed_duplicates"] = a.RemovedDuplicates,
        ["removed_conflicts"] = a.RemovedConflicts,
        ["grouped_images"] = a.GroupedImages,
        ["cross_split_pairs"] = a.TrainValidationPairs,
        ["train_test_pairs"] = a.TrainTestPairs,
        ["train_test_copies"] = a.TrainTestPairs is null ? null : new JsonArray([.. a.TrainTestCopies.Select(c => (JsonNode?)new JsonObject
        {
            ["test_file"] = Path.GetFileName(c.TestFile),
            ["test_class"] = c.TestClass,
            ["train_file"] = Path.GetFileName(c.TrainFile),
            ["train_class"] = c.TrainClass,
            ["exact"] = c.Exact,
            ["same_label"] = c.SameLabel,
        })]),
        ["threshold"] = a.Policy.NearDuplicateThreshold,
        ["policy"] = new JsonObject
        {
            ["duplicates"] = a.Policy.Duplicates.ToString().ToLowerInvariant(),
            ["conflicts"] = a.Policy.Conflicts.ToString().ToLowerInvariant(),
            ["leakage"] = a.Policy.Leakage.ToString().ToLowerInvariant(),
        },
    };
}
