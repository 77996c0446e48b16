namespace MelanomaExp.Evaluation;

/// <summary>
/// A set's results within one group (collection, site): accuracy and, when there is a positive class,
/// its sensitivity, each with a seeded percentile-bootstrap 95% interval over that group's images.
/// </summary>
public sealed record GroupMetrics(string Group, int Images, int PositiveImages, Interval Accuracy, Interval? Sensitivity)
{
    public static List<GroupMetrics> Of(
        IReadOnlyList<string> groups, IReadOnlyList<int> labels, IReadOnlyList<int> predictions, int positive, int resamples, int seed)
    {
        var result = new List<GroupMetrics>();
        var names = groups.Distinct().Order(StringComparer.Ordinal).ToList();
        for (var g = 0; g < names.Count; g++)
        {
            var members = Enumerable.Range(0, groups.Count).Where(i => groups[i] == names[g]).ToArray();
            double Accuracy(int[] idx) => idx.Length == 0 ? double.NaN : idx.Count(k => labels[members[k]] == predictions[members[k]]) / (double)idx.Length;
            double Sensitivity(int[] idx)
            {
                var positives = idx.Where(k => labels[members[k]] == positive).ToArray();
                return positives.Length == 0 ? double.NaN : positives.Count(k => predictions[members[k]] == positive) / (double)positives.Length;
            }
            var positiveImages = positive < 0 ? 0 : members.Count(i => labels[i] == positive);
            result.Add(new GroupMetrics(
                names[g],
                members.Length,
                positiveImages,
                Bootstrap.Interval(members.Length, Accuracy, resamples, seed + (2 * g)),
                positiveImages == 0 ? null : Bootstrap.Interval(members.Length, Sensitivity, resamples, seed + (2 * g) + 1)));
        }
        return result;
    }
}
