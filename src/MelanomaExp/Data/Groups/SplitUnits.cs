namespace MelanomaExp.Data.Groups;

/// <summary>
/// The units a group-aware split moves whole: images that share a group name, joined with every
/// duplicate group that links them (a near copy in another group pulls that group along), so no
/// picture and no group straddles training and validation.
/// </summary>
internal static class SplitUnits
{
    public static List<int[]> Of(IReadOnlyList<string> groupOfImage, IReadOnlyList<int[]> duplicateGroups)
    {
        var parent = Enumerable.Range(0, groupOfImage.Count).ToArray();
        int Find(int i)
        {
            while (parent[i] != i)
            {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }
        void Union(int a, int b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }
        }
        var firstOfGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < groupOfImage.Count; i++)
        {
            if (!firstOfGroup.TryAdd(groupOfImage[i], i))
            {
                Union(firstOfGroup[groupOfImage[i]], i);
            }
        }
        foreach (var group in duplicateGroups)
        {
            foreach (var member in group.Skip(1))
            {
                Union(group[0], member);
            }
        }
        return [.. Enumerable.Range(0, groupOfImage.Count).GroupBy(Find).OrderBy(g => g.Key).Select(g => g.ToArray())];
    }
}
