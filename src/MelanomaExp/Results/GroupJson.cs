using System.Text.Json.Nodes;
using MelanomaExp.Data.Groups;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>metrics.json's <c>groups</c> object (class by group) and each evaluation's <c>by_group</c> rows.</summary>
internal static class GroupJson
{
    public static JsonObject? Json(GroupAssociation? a) => a is null ? null : new JsonObject
    {
        ["groups"] = new JsonArray([.. a.Groups.Select(g => (JsonNode?)g)]),
        ["counts"] = new JsonArray([.. Enumerable.Range(0, a.Classes.Count).Select(r => (JsonNode?)new JsonArray([.. Enumerable.Range(0, a.Groups.Count).Select(c => (JsonNode?)a.Counts[r, c])]))]),
        ["chi_square"] = a.ChiSquare,
        ["degrees_of_freedom"] = a.DegreesOfFreedom,
        ["p_value"] = a.PValue,
        ["cramers_v"] = a.CramersV,
        ["group_majority_accuracy"] = a.GroupMajorityAccuracy,
        ["class_majority_accuracy"] = a.ClassMajorityAccuracy,
        ["confounded"] = a.Confounded,
    };

    public static JsonArray Json(IReadOnlyList<GroupMetrics> groups) => new([.. groups.Select(g => (JsonNode?)new JsonObject
    {
        ["group"] = g.Group,
        ["images"] = g.Images,
        ["positive_images"] = g.PositiveImages,
        ["accuracy"] = Interval(g.Accuracy),
        ["sensitivity"] = g.Sensitivity is null ? null : Interval(g.Sensitivity),
    })]);

    private static JsonObject Interval(Interval i) => new()
    {
        ["value"] = double.IsFinite(i.Value) ? i.Value : null,
        ["low"] = double.IsFinite(i.Low) ? i.Low : null,
        ["high"] = double.IsFinite(i.High) ? i.High : null,
    };
}
