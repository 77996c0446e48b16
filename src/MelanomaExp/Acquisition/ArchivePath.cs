namespace MelanomaExp.Acquisition;

/// <summary>Relative paths from archives and manifests: <c>/</c>-separated, and never able to climb out of the folder they are written to.</summary>
internal static class ArchivePath
{
    /// <summary>The path with <c>\</c> turned into <c>/</c> (zip tools on Windows write either).</summary>
    public static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>False for absolute paths, drive letters, empty segments and <c>.</c> or <c>..</c> segments.</summary>
    public static bool IsSafeRelative(string path)
    {
        var normalized = Normalize(path);
        if (normalized.Length == 0 || normalized.StartsWith('/') || normalized.Contains(':', StringComparison.Ordinal) || normalized.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }
        return normalized.TrimEnd('/').Split('/').All(s => s.Length > 0 && s != "." && s != "..");
    }
}
