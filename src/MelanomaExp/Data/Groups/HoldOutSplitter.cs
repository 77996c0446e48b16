namespace MelanomaExp.Data.Groups;

/// <summary>Validation by group: the images of the held-out groups validate, every other image trains.</summary>
internal static class HoldOutSplitter
{
    public static Split Make(IReadOnlyList<string> groups, IReadOnlyCollection<string> holdOut, string source)
    {
        var known = groups.ToHashSet(StringComparer.Ordinal);
        var missing = holdOut.Where(h => !known.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            throw new BadInputException(
                $"{source}: data.validation.hold_out: no image is in group(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} (groups: {string.Join(", ", known.Order(StringComparer.Ordinal))})");
        }
        var held = holdOut.ToHashSet(StringComparer.Ordinal);
        var all = Enumerable.Range(0, groups.Count);
        return new Split(all.Where(i => !held.Contains(groups[i])).ToArray(), all.Where(i => held.Contains(groups[i])).ToArray());
    }
}
