using MelanomaExp.Data.Groups;
using MelanomaExp.Documents;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>metrics.json's <c>groups</c> block (class by group) and each evaluation's <c>by_group</c> rows.</summary>
internal static class GroupJson
{
    public static GroupAssociationDocument? Document(GroupAssociation? a) => a is null ? null : new GroupAssociationDocument(
        a.Groups,
        [.. Enumerable.Range(0, a.Classes.Count).Select(r => (IReadOnlyList<int>)[.. Enumerable.Range(0, a.Groups.Count).Select(c => a.Counts[r, c])])],
        a.ChiSquare,
        a.DegreesOfFreedom,
        a.PValue,
        a.CramersV,
        a.GroupMajorityAccuracy,
        a.ClassMajorityAccuracy,
        a.Confounded);

    public static List<GroupFiguresDocument> Rows(IReadOnlyList<GroupMetrics> groups) =>
        [.. groups.Select(g => new GroupFiguresDocument(g.Group, g.Images, g.PositiveImages, Interval(g.Accuracy), g.Sensitivity is null ? null : Interval(g.Sensitivity)))];

    private static GroupIntervalDocument Interval(Interval i) => new(EvaluationJson.Finite(i.Value), EvaluationJson.Finite(i.Low), EvaluationJson.Finite(i.High));
}
