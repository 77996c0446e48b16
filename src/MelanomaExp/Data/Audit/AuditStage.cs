using MelanomaExp.Config;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// The audit every run performs before training: find duplicates and conflicts, apply the experiment's
/// policies (dedupe, drop conflicts), then split (group-aware, or by held-out <c>imageGroups</c>, when asked), and count what still
/// straddles train, validation and test.
/// </summary>
internal static class AuditStage
{
    public static (ImageStore Train, Split Split, AuditSummary Summary) Apply(
        ImageStore train, ImageStore? test, DataSpec data, Random splitRng, string source, int seed = 0, IReadOnlyList<string>? imageGroups = null)
    {
        var policy = data.Audit;
        var findings = AuditCache.GetOrCompute(train, policy.NearDuplicateThreshold);
        var conflicts = findings.Conflicts.ToList();
        if (policy.Conflicts == ConflictPolicy.Fail && conflicts.Count > 0)
        {
            var examples = string.Join(Environment.NewLine, conflicts.Take(5).Select(p => $"  {train.Paths[p.A]} <-> {train.Paths[p.B]}"));
            throw new BadInputException($"{source}: data.audit.conflicts: fail, and {conflicts.Count} pair(s) of the same picture carry different labels:{Environment.NewLine}{examples}");
        }
        var remove = new HashSet<int>();
        var removedConflicts = 0;
        if (policy.Conflicts == ConflictPolicy.Drop)
        {
            // Neither label can be trusted and no model can be right on both copies: both go.
            remove.UnionWith(conflicts.SelectMany(p => new[] { p.A, p.B }));
            removedConflicts = remove.Count;
        }
        var removedDuplicates = 0;
        if (policy.Duplicates == DuplicatePolicy.Dedupe)
        {
            foreach (var p in findings.ExactPairs.Where(p => train.Labels[p.A] == train.Labels[p.B]))
            {
                if (!remove.Contains(p.A) && remove.Add(p.B))
                {
                    removedDuplicates++;
                }
            }
        }
        var keep = Enumerable.Range(0, train.Count).Where(i => !remove.Contains(i)).ToArray();
        var kept = remove.Count == 0 ? train : train.Subset(keep);
        var newIndex = keep.Select((old, k) => (old, k)).ToDictionary(x => x.old, x => x.k);
        var remaining = new AuditFindings(
            kept.Count,
            findings.Threshold,
            findings.Pairs.Where(p => newIndex.ContainsKey(p.A) && newIndex.ContainsKey(p.B)).Select(p => p with { A = newIndex[p.A], B = newIndex[p.B] }).ToList(),
            kept.Labels);

        var groups = remaining.Groups();
        var split = data.Validation is { By: ValidationBy.RandomGroups } && imageGroups is not null
            // The split groups join the duplicate groups whatever leakage says: a group split that let copies straddle it would defeat itself.
            ? Groups.RandomGroupSplitter.Make(kept.Labels, Groups.SplitUnits.Of(keep.Select(i => imageGroups[i]).ToArray(), groups), data.ValidationSplit, data.Stratify, splitRng)
            : data.Validation is { } byGroup && imageGroups is not null
            ? Groups.HoldOutSplitter.Make(keep.Select(i => imageGroups[i]).ToArray(), byGroup.HoldOut, source)
            : policy.Leakage == LeakagePolicy.Group
            ? GroupSplitter.Make(kept.Labels, groups, data.ValidationSplit, data.Stratify, splitRng)
            : Splitter.Make(data, kept, kept.Count, splitRng, seed);
        var straddling = remaining.Straddling(split.Train, split.Validation).Count();
        if (policy.Leakage == LeakagePolicy.Fail && straddling > 0)
        {
            throw new BadInputException($"{source}: data.audit.leakage: fail, and {straddling} duplicate pair(s) straddle training and validation (leakage: group keeps them together)");
        }
        var copies = test is null ? [] : TrainTestCopies(kept, test, policy.NearDuplicateThreshold);
        int? testPairs = test is null ? null : copies.Count;
        if (policy.Leakage == LeakagePolicy.Fail && testPairs > 0)
        {
            throw new BadInputException($"{source}: data.audit.leakage: fail, and {testPairs} training image(s) duplicate test images");
        }
        var summary = new AuditSummary(
            policy,
            findings.Images,
            findings.ExactPairs.Count(),
            findings.NearPairs.Count(),
            conflicts.Count,
            findings.ConflictsByClassPair(train.Classes),
            removedDuplicates,
            removedConflicts,
            groups.Sum(g => g.Length),
            straddling,
            testPairs,
            Examples(train, findings))
        {
            ExactConflictPairs = conflicts.Count(p => p.Exact),
            ConflictImages = conflicts.SelectMany(p => new[] { p.A, p.B }).Distinct().Count(),
            TrainTestCopies = copies,
        };
        return (kept, split, summary);
    }

    private static List<TrainTestCopy> TrainTestCopies(ImageStore train, ImageStore test, int threshold)
    {
        var both = train.Append(test.Pixels, test.Labels, test.Paths, test.Hashes);
        var findings = DataAuditor.Audit(both, threshold);
        return [.. findings.Pairs.Where(p => (p.A < train.Count) != (p.B < train.Count)).Select(p =>
        {
            var (t, s) = p.A < train.Count ? (p.A, p.B - train.Count) : (p.B, p.A - train.Count);
            return new TrainTestCopy(test.Paths[s], test.Classes[test.Labels[s]], train.Paths[t], train.Classes[train.Labels[t]], p.Exact);
        }).OrderBy(c => c.TestFile, StringComparer.Ordinal)];
    }

    /// <summary>
    /// One conflict of each pair of classes that conflict (so every kind of label problem is shown), then up to
    /// two near duplicates; each side captioned with its class and file name.
    /// </summary>
    private static List<ExamplePair> Examples(ImageStore store, AuditFindings findings) =>
        findings.Conflicts
            .GroupBy(p => (Math.Min(store.Labels[p.A], store.Labels[p.B]), Math.Max(store.Labels[p.A], store.Labels[p.B])))
            .OrderBy(g => g.Key)
            .Select(g => g.First())
            .Concat(findings.NearPairs.OrderBy(p => p.Distance).Take(2))
            .Select(p => new ExamplePair(
                $"{store.Classes[store.Labels[p.A]]}\n{Path.GetFileName(store.Paths[p.A])}",
                $"{store.Classes[store.Labels[p.B]]} ({(p.Exact ? "identical" : $"{p.Distance} bits")})\n{Path.GetFileName(store.Paths[p.B])}",
                store.Image(p.A).ToArray(),
                store.Image(p.B).ToArray()))
            .ToList();
}
