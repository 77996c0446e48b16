using System.Text.Json;
using MelanomaExp.Documents;

namespace MelanomaExp.Safety;

/// <summary>
/// An output folder the tool is allowed to write: checked once, before anything is written, against the
/// places it must never replace (the file system root, top-level folders, home, the current folder and its
/// parents, the repository root, the command's own inputs) and against folders it did not write. Every
/// command that writes a folder goes through <see cref="Claim"/>; <see cref="Reporting.ReportStaging"/>
/// accepts nothing else.
/// </summary>
public sealed class OutputFolder
{
    private OutputFolder(string path, string kind, string label, IReadOnlyList<string> kept)
    {
        Path = path;
        Kind = kind;
        Label = label;
        Kept = kept;
    }

    /// <summary>The absolute path of the folder.</summary>
    public string Path { get; }

    /// <summary>What the tool writes there (run, evaluation, comparison, bench, seeds, data...): recorded in the marker.</summary>
    public string Kind { get; }

    /// <summary>How the user named it (<c>--output x</c>, <c>report.dir x</c>), for messages.</summary>
    public string Label { get; }

    /// <summary>
    /// Files a person added to a folder of the tool's (a NOTE.md beside a committed report), relative to it: a rerun
    /// keeps them untouched and replaces only the files its marker lists as the tool's.
    /// </summary>
    public IReadOnlyList<string> Kept { get; }

    /// <summary>
    /// Checks that <paramref name="requested"/> may be written (created, or replaced as a whole) and returns
    /// it; otherwise throws <see cref="BadInputException"/> naming the folder and why. Touches nothing (but for
    /// a probe file, created and removed at once, that proves the folder can be written).
    /// </summary>
    /// <param name="requested">The folder as the user gave it.</param>
    /// <param name="kind">What will be written there.</param>
    /// <param name="rules">The command's inputs, which the output must keep clear of.</param>
    /// <param name="option">How the user gave it, e.g. <c>--output</c> or <c>report.dir</c>.</param>
    public static OutputFolder Claim(string? requested, string kind, OutputRules? rules = null, string option = "--output")
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            throw new BadInputException($"{option}: the output folder is empty; name a new or empty folder");
        }
        var label = $"{option} {requested}";
        string full;
        try
        {
            full = PathRelation.Full(requested);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new BadInputException($"{label}: not a usable folder path ({e.Message})");
        }
        CheckPlace(full, rules ?? new OutputRules(), label);
        if (File.Exists(full))
        {
            throw new BadInputException($"{label}: is a file, not a folder (nothing was touched)");
        }
        var kept = new List<string>();
        if (Directory.Exists(full) && Foreign(full, kind, kept) is { } foreign)
        {
            throw new BadInputException($"{label}: refused, {foreign}; choose a new or empty folder, or remove it yourself (nothing was touched)");
        }
        // Into the folder itself when it exists (it is replaced as a whole), else into the nearest folder that does.
        CheckWritable(full, label);
        return new OutputFolder(full, kind, label, kept);
    }

    /// <summary>For commands that write files one by one (bench, seed summaries): creates the folder and marks it now, so an interrupted run leaves a folder the next one may take over.</summary>
    public void CreateAndMark()
    {
        Directory.CreateDirectory(Path);
        if (OutputMarker.Read(Path) is null)
        {
            OutputMarker.Add(Path, Kind);
        }
    }

    /// <summary>Records files written into a marked folder after it was marked.</summary>
    public void Record(params string[] files) => OutputMarker.Add(Path, Kind, files);

    /// <summary>The refusals that hold for any output, file or folder: where it is, not what is there.</summary>
    internal static void CheckPlace(string full, OutputRules rules, string label)
    {
        foreach (var candidate in PathRelation.WithRealPath(full))
        {
            if (Refusal(candidate, rules) is { } why)
            {
                throw new BadInputException($"{label}: refused, {why}; choose another place (nothing was touched)");
            }
        }
        CheckParents(full, label);
    }

    private static string? Refusal(string path, OutputRules rules)
    {
        var parent = System.IO.Path.GetDirectoryName(path);
        if (parent is null)
        {
            return "it is the file system root";
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && PathRelation.IsSameOrInside(home, path))
        {
            return $"it is your home folder or holds it ({home})";
        }
        if (System.IO.Path.GetDirectoryName(parent) is null)
        {
            return "it is a top-level system folder";
        }
        var cwd = Directory.GetCurrentDirectory();
        if (PathRelation.IsSameOrInside(cwd, path))
        {
            return $"it is the current folder or one of its parents ({cwd})";
        }
        if (OutputRules.RepositoryRoot(cwd) is { } repo && PathRelation.IsSameOrInside(repo, path))
        {
            return $"it is the repository root or holds it ({repo})";
        }
        foreach (var p in rules.Paths)
        {
            foreach (var input in PathRelation.WithRealPath(p.Path))
            {
                if (PathRelation.IsSameOrInside(input, path))
                {
                    return $"it is or holds {p.Role} ({p.Path})";
                }
                if (p.NoWritingInside && PathRelation.IsSameOrInside(path, input))
                {
                    return $"it lies inside {p.Role} ({p.Path})";
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Proves <paramref name="full"/>, or the nearest folder above it that exists, can be written, by creating and
    /// removing a probe file there: a read-only mount or an immutable folder (<c>chattr +i</c>, which holds for root
    /// too) is refused now, naming the folder, instead of after the whole training with "Access to the path is denied".
    /// </summary>
    internal static void CheckWritable(string full, string label)
    {
        var dir = full;
        while (!Directory.Exists(dir) && System.IO.Path.GetDirectoryName(dir) is { } parent)
        {
            dir = parent;
        }
        var probe = System.IO.Path.Combine(dir, $".melanoma-exp-probe-{Environment.ProcessId}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET's message for EPERM and EACCES names no path and no cause; say what it means.
            var why = e is UnauthorizedAccessException ? "permission denied, or the folder is immutable (chattr +i)" : e.Message.Replace($" : '{probe}'", "", StringComparison.Ordinal);
            throw new BadInputException($"{label}: cannot be written ({dir}: {why}); choose another place (nothing was touched)");
        }
    }

    /// <summary>A path under a file can never be created; say so instead of failing later with a stack trace.</summary>
    private static void CheckParents(string full, string label)
    {
        for (var dir = System.IO.Path.GetDirectoryName(full); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                throw new BadInputException($"{label}: cannot be created, {dir} is a file (nothing was touched)");
            }
        }
    }

    /// <summary>
    /// Why an existing folder is not the tool's to replace, or null when it is empty or ours; in a folder of ours, the
    /// plain files a person added go to <paramref name="kept"/> (a link, or any addition to downloaded data, still refuses).
    /// </summary>
    private static string? Foreign(string folder, string kind, List<string> kept)
    {
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({e.Message})";
        }
        if (entries.Length == 0)
        {
            return null;
        }
        if (OutputMarker.Read(folder) is { } marker)
        {
            if ((marker.Kind == "data") != (kind == "data"))
            {
                return $"it holds melanoma-exp {marker.Kind}, not {kind}";
            }
            var added = new List<string>();
            if (Unlisted(folder, folder, marker, added) is { } link)
            {
                return $"it holds {link}, which melanoma-exp did not write there";
            }
            if (kind == "data" && added.Count > 0)
            {
                return $"it holds {added[0]}, which melanoma-exp did not write there";
            }
            kept.AddRange(added);
            return null;
        }
        var names = entries.Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal).Take(3);
        return $"it is not empty and was not written by melanoma-exp (it holds {entries.Length} entr{(entries.Length == 1 ? "y" : "ies")}: {string.Join(", ", names)}{(entries.Length > 3 ? ", ..." : "")})";
    }

    /// <summary>
    /// Collects every plain file under <paramref name="dir"/> the marker does not list into <paramref name="added"/> and
    /// returns the first link found (never followed, never kept), or null; sub-folders with their own marker answer for themselves.
    /// </summary>
    private static string? Unlisted(string root, string dir, OutputMarker marker, List<string> added)
    {
        var listed = marker.Files.ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
        {
            var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative == OutputMarker.FileName || listed.Contains(relative))
            {
                continue;
            }
            if (new FileInfo(file).LinkTarget is not null)
            {
                return relative + " (a link)";
            }
            added.Add(relative);
        }
        foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
        {
            if (new DirectoryInfo(sub).LinkTarget is not null)
            {
                return System.IO.Path.GetRelativePath(root, sub) + " (a link)";
            }
            if (OutputMarker.Read(sub) is not null)
            {
                continue;
            }
            if (Unlisted(root, sub, marker, added) is { } link)
            {
                return link;
            }
        }
        return null;
    }
}
