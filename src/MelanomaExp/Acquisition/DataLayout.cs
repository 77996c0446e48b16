namespace MelanomaExp.Acquisition;

/// <summary>
/// Finds the data folder inside an archive or a folder: the place where the manifest's top-level folders
/// (<c>Train/</c>, <c>Test/</c>) begin. Kaggle's archive wraps them in a long folder name, a user's copy may
/// not; whatever wraps them is dropped, and files outside that place are extras.
/// </summary>
internal sealed class DataLayout
{
    private DataLayout(string prefix) => Prefix = prefix;

    /// <summary>What comes before the data folder's contents, ending with <c>/</c>, or empty.</summary>
    public string Prefix { get; }

    /// <summary>The most common place where the manifest's top-level folders start among <paramref name="files"/>, or the root when none does.</summary>
    public static DataLayout Locate(DatasetManifest manifest, IEnumerable<string> files)
    {
        var tops = manifest.Entries.Select(e => e.Path.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var prefix = files
            .Select(f => PrefixBefore(ArchivePath.Normalize(f), tops))
            .OfType<string>()
            .GroupBy(p => p, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key.Length)
            .Select(g => g.Key)
            .FirstOrDefault();
        return new DataLayout(prefix ?? "");
    }

    /// <summary>The path under the data folder, or null when the file lies outside it.</summary>
    public string? Map(string file)
    {
        var normalized = ArchivePath.Normalize(file);
        return normalized.StartsWith(Prefix, StringComparison.Ordinal) && normalized.Length > Prefix.Length ? normalized[Prefix.Length..] : null;
    }

    private static string? PrefixBefore(string path, HashSet<string> tops)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (tops.Contains(segments[i]))
            {
                return string.Concat(segments.Take(i).Select(s => s + "/"));
            }
        }
        return null;
    }
}
