namespace MelanomaExp.Acquisition;

/// <summary>How a set of files compares with a manifest: verified, missing, wrong, and extra (not in the manifest, never added).</summary>
public sealed record ManifestCheckResult(int Verified, IReadOnlyList<string> Missing, IReadOnlyList<FileProblem> Wrong, IReadOnlyList<string> Extra)
{
    private const int Named = 10;

    public bool Complete => Missing.Count == 0 && Wrong.Count == 0;

    /// <summary>One line naming the first wrong and missing files, for the error message.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Wrong.Count > 0)
        {
            parts.Add($"{Wrong.Count} wrong ({string.Join("; ", Wrong.Take(Named).Select(w => $"{w.Path}: {w.Problem}"))}{More(Wrong.Count)})");
        }
        if (Missing.Count > 0)
        {
            parts.Add($"{Missing.Count} missing ({string.Join(", ", Missing.Take(Named))}{More(Missing.Count)})");
        }
        return $"{Verified:N0} of {Verified + Wrong.Count + Missing.Count:N0} files verified; {string.Join("; ", parts)}";
    }

    private static string More(int count) => count > Named ? $", and {count - Named} more" : "";
}
