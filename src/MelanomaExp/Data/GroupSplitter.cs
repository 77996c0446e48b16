namespace MelanomaExp.Data;

/// <summary>
/// A split that never separates a group (duplicates and near duplicates of one picture): whole groups
/// go to validation, class by class (by the group's first image), until each class has its share.
/// </summary>
internal static class GroupSplitter
{
    public static Split Make(int[] labels, IReadOnlyList<int[]> groups, double validationFraction, bool stratify, Random rng)
    {
        var grouped = new HashSet<int>(groups.SelectMany(g => g));
        var units = groups.Select(g => g.Order().ToArray())
            .Concat(Enumerable.Range(0, labels.Length).Where(i => !grouped.Contains(i)).Select(i => new[] { i }))
            .OrderBy(u => u[0])
            .ToList();
        var validation = new List<int>();
        var buckets = stratify ? units.GroupBy(u => labels[u[0]]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToList() : [units.ToArray()];
        foreach (var bucket in buckets)
        {
            rng.Shuffle(bucket);
            var target = (int)Math.Round(bucket.Sum(u => u.Length) * validationFraction);
            var taken = 0;
            foreach (var unit in bucket)
            {
                if (taken >= target)
                {
                    break;
                }
                validation.AddRange(unit);
                taken += unit.Length;
            }
        }
        var inValidation = validation.ToHashSet();
        return new Split(Enumerable.Range(0, labels.Length).Where(i => !inValidation.Contains(i)).ToArray(), validation.Order().ToArray());
    }
}
