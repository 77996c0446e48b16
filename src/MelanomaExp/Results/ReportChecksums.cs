namespace MelanomaExp.Results;

/// <summary>
/// <c>checksums.sha256</c>: the sha256 of every file the tool wrote into an output folder, in <c>sha256sum</c>'s format
/// (so <c>sha256sum -c checksums.sha256</c> checks it too), written when the folder is committed. verify and step reuse
/// check it before trusting a report: an edited README.md, metrics.json or chart, or a swapped weights file, is found
/// on any hardware without a rerun. Files a person added later are not listed and not checked.
/// </summary>
internal static class ReportChecksums
{
    public const string FileName = "checksums.sha256";

    /// <summary>Lists every file under <paramref name="folder"/> except <paramref name="skip"/> (the folder marker) and this file itself.</summary>
    public static void Write(string folder, params string[] skip)
    {
        var lines = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != FileName && !skip.Contains(f))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{FileSha256.Of(Path.Combine(folder, f))}  {f}\n");
        File.WriteAllText(Path.Combine(folder, FileName), string.Concat(lines));
    }

    /// <summary>
    /// The folder's checksums file with <paramref name="file"/>'s line recording <paramref name="sha256"/>, every other
    /// line as it is (a rewrite by the tool itself, such as <c>compact</c>; files a person added stay unlisted).
    /// </summary>
    public static string WithEntry(string folder, string file, string sha256) =>
        string.Concat(File.ReadLines(Path.Combine(folder, FileName)).Select(l => (l.EndsWith("  " + file, StringComparison.Ordinal) ? $"{sha256}  {file}" : l) + "\n"));

    /// <summary>
    /// Null when the folder has no checksums file (written before they were recorded); else every listed file that is
    /// missing or whose content changed since the tool wrote it, in words, and an empty list when all match.
    /// </summary>
    public static IReadOnlyList<ChecksumProblem>? Check(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            return null;
        }
        var problems = new List<ChecksumProblem>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var parts = line.Split("  ", 2);
            if (parts.Length != 2 || parts[0].Length != 64 || parts[1].Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(parts[1]))
            {
                problems.Add(new(FileName, $"{FileName} line {number} is damaged ('{line}')"));
                continue;
            }
            var path = Path.Combine(folder, parts[1]);
            if (!File.Exists(path) && LeftOutOfCommits(parts[1]))
            {
                continue;
            }
            if (!File.Exists(path))
            {
                problems.Add(new(parts[1], $"{parts[1]} is missing (listed in {FileName})"));
            }
            else if (FileSha256.Of(path) is var actual && actual != parts[0])
            {
                problems.Add(new(parts[1], $"{parts[1]} was changed after melanoma-exp wrote it (sha256 {actual[..12]}..., {FileName} records {parts[0][..12]}...)"));
            }
        }
        return problems;
    }

    /// <summary>The first problem with any of <paramref name="files"/> (or with the checksums file), null when they are unchanged or the folder has no checksums.</summary>
    public static ChecksumProblem? FirstProblem(string folder, params string[] files) =>
        Check(folder)?.FirstOrDefault(p => p.File == FileName || files.Contains(p.File));

    /// <summary>
    /// Weights files (<c>*.pt</c>), which the repository's .gitignore keeps out of commits: a committed report lacks them
    /// by design, so a missing one is not damage; a present one must still match.
    /// </summary>
    public static bool LeftOutOfCommits(string relative) => relative.EndsWith(".pt", StringComparison.Ordinal);

}

/// <summary>A file of a report that is missing or changed since the tool wrote it.</summary>
internal sealed record ChecksumProblem(string File, string Message);
