namespace MelanomaExp.Config;

/// <summary>"Did you mean" for an unknown key: the closest key the section takes, if one is close enough.</summary>
internal static class KeySuggestion
{
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
