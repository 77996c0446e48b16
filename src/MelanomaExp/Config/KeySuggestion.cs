namespace MelanomaExp.Config;

/// <summary>"Did you mean" for an unknown key: the closest key the section takes, if one is close enough.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// The full key path nearest to <paramref name="path"/> (by its last segment, then the whole path) among the
    /// keys an experiment can hold, steps addressed by <paramref name="steps"/>' names: for a key given at the wrong
    /// level (<c>lerning_rate</c> for <c>steps.base.train.learning_rate</c>), where the section's own keys suggest nothing.
    /// </summary>
    public static string? ForPath(string path, IEnumerable<string> steps)
    {
        var names = steps.ToList();
        var candidates = KeyDescriptions.Paths
            .Where(p => !p.Contains('*', StringComparison.Ordinal))
            .SelectMany(p => p.StartsWith("steps[].", StringComparison.Ordinal) ? names.Select(n => $"steps.{n}.{p["steps[].".Length..]}") : [p])
            .Where(p => !p.Contains("[]", StringComparison.Ordinal))
            .ToList();
        var leaf = For(path.Split('.')[^1], candidates.Select(c => c.Split('.')[^1]).Distinct());
        return leaf is null ? null : For(path, candidates.Where(c => c.Split('.')[^1] == leaf)) ?? candidates.First(c => c.Split('.')[^1] == leaf);
    }

    public static string? For(string unknown, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Key: c, Score: Score(unknown, c)))
            .Where(c => c.Score <= Math.Max(2, c.Key.Length / 3))
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Key;
    }

    /// <summary>Edit distance, also against the typo's leading part, so <c>sed_typo</c> still points at <c>seed</c>.</summary>
    private static int Score(string typo, string key)
    {
        var score = Distance(typo.ToLowerInvariant(), key);
        for (var len = Math.Max(1, key.Length - 1); len <= Math.Min(typo.Length - 1, key.Length + 1); len++)
        {
            score = Math.Min(score, Distance(typo[..len].ToLowerInvariant(), key) + 1);
        }
        return score;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
