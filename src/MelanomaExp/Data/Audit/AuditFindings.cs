namespace MelanomaExp.Data.Audit;

/// <summary>Two images of a store that are the same picture: byte-identical (<paramref name="Exact"/>) or within the hash threshold.</summary>
public sealed record ImagePair(int A, int B, int Distance, bool Exact);

/// <summary>Duplicates and label conflicts among a store's images.</summary>
public sealed record AuditFindings(int Images, int Threshold, IReadOnlyList<ImagePair> Pairs, IReadOnlyList<int> Labels)
{
    public IEnumerable<ImagePair> ExactPairs => Pairs.Where(p => p.Exact);

    public IEnumerable<ImagePair> NearPairs => Pairs.Where(p => !p.Exact);

    /// <summary>Pairs of the same picture filed under two different classes.</summary>
    public IEnumerable<ImagePair> Conflicts => Pairs.Where(p => Labels[p.A] != Labels[p.B]);

    /// <summary>Label conflicts counted by the (alphabetically ordered) pair of class names, most frequent first.</summary>
    public IReadOnlyList<(string First, string Second, int Pairs)> ConflictsByClassPair(IReadOnlyList<string> classes) => Conflicts
        .Select(p => (classes[Labels[p.A]], classes[Labels[p.B]]))
        .Select(p => string.CompareOrdinal(p.Item1, p.Item2) <= 0 ? p : (p.Item2, p.Item1))
        .GroupBy(p => p)
        .Select(g => (g.Key.Item1, g.Key.Item2, g.Count()))
        .OrderByDescending(g => g.Item3)
        .ThenBy(g => g.Item1, StringComparer.Ordinal)
        .ToList();

    /// <summary>Pairs with one image in each of the two index sets (train and validation, say).</summary>
    public IEnumerable<ImagePair> Straddling(IReadOnlyCollection<int> first, IReadOnlyCollection<int> second)
    {
        var a = first as HashSet<int> ?? [.. first];
        var b = second as HashSet<int> ?? [.. second];
        return Pairs.Where(p => (a.Contains(p.A) && b.Contains(p.B)) || (a.Contains(p.B) && b.Contains(p.A)));
    }

    /// <summary>Connected groups of images linked by any pair (exact or near), singletons left out.</summary>
    public List<int[]> Groups()
    {
        var parent = Enumerable.Range(0, Images).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        foreach (var p in Pairs)
        {
            parent[Find(p.A)] = Find(p.B);
        }
        return Enumerable.Range(0, Images).GroupBy(Find).Where(g => g.Count() > 1).Select(g => g.ToArray()).ToList();
    }
}
