using System.Text.RegularExpressions;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// Which top-level folder of the library uses which, read from the source text: <c>using MelanomaExp.X</c>, qualified
/// names (<c>MelanomaExp.X.Type</c>, or <c>X.Type</c> from inside the library's namespace), and the root folder's types
/// used by name (every namespace below the root sees them without a using). Comments and string literals are ignored.
/// A file's folder is its first folder under the library; files at the top are "(root)".
/// </summary>
public sealed partial class FolderGraph
{
    public const string RootFolder = "(root)";

    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> edges) => Edges = edges;

    /// <summary>Folder → used folder → the files (relative paths) that use it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<string>>> Edges { get; }

    public static FolderGraph Read(string libraryDir)
    {
        var files = Directory.EnumerateFiles(libraryDir, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(libraryDir, f))
            .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var code = files.ToDictionary(f => f, f => WithoutCommentsAndStrings(File.ReadAllText(Path.Combine(libraryDir, f))));
        var declared = new Dictionary<string, HashSet<string>>();
        foreach (var (file, text) in code)
        {
            var names = declared.TryGetValue(FolderOf(file), out var set) ? set : declared[FolderOf(file)] = [];
            names.UnionWith(Declaration().Matches(text).Select(m => m.Groups[1].Value));
        }
        var subfolders = files.Select(f => f.Split(Path.DirectorySeparatorChar)).Where(p => p.Length > 2).Select(p => (p[0], p[1])).ToHashSet();
        var edges = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var (file, text) in code)
        {
            var from = FolderOf(file);
            var used = new HashSet<string>(LibraryName().Matches(text).Select(m => m.Groups[1].Value).Where(declared.ContainsKey));
            foreach (Match m in Qualified().Matches(text))
            {
                var (folder, member) = (m.Groups[1].Value, m.Groups[2].Value);
                if (declared.TryGetValue(folder, out var names) && (names.Contains(member) || subfolders.Contains((folder, member))))
                {
                    used.Add(folder);
                }
            }
            if (declared.TryGetValue(RootFolder, out var rootTypes) && Word().Matches(text).Any(w => rootTypes.Contains(w.Value)))
            {
                used.Add(RootFolder);
            }
            foreach (var to in used.Where(u => u != from))
            {
                var byFolder = edges.TryGetValue(from, out var d) ? d : edges[from] = [];
                (byFolder.TryGetValue(to, out var list) ? list : byFolder[to] = []).Add(file);
            }
        }
        return new FolderGraph(edges.ToDictionary(
            e => e.Key,
            e => (IReadOnlyDictionary<string, IReadOnlyList<string>>)e.Value.ToDictionary(u => u.Key, u => (IReadOnlyList<string>)u.Value)));
    }

    /// <summary>One cycle of folders (first folder repeated at the end), or null when the folders are layered.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(); // false: on the current path, true: finished
        var path = new List<string>();
        foreach (var start in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        IReadOnlyList<string>? Visit(string folder)
        {
            if (state.TryGetValue(folder, out var finished))
            {
                return finished ? null : [.. path.SkipWhile(f => f != folder), folder];
            }
            state[folder] = false;
            path.Add(folder);
            foreach (var next in Edges.TryGetValue(folder, out var used) ? used.Keys.Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[folder] = true;
            return null;
        }
    }

    /// <summary>The files behind each edge of a cycle, for the failure message.</summary>
    public string Explain(IReadOnlyList<string> cycle) =>
        string.Join("; ", cycle.Zip(cycle.Skip(1)).Select(e => $"{e.First} -> {e.Second} ({string.Join(", ", Edges[e.First][e.Second].Take(3))})"));

    private static string FolderOf(string file) => file.Split(Path.DirectorySeparatorChar) is { Length: > 1 } parts ? parts[0] : RootFolder;

    private static string WithoutCommentsAndStrings(string text)
    {
        text = LineComment().Replace(text, "");
        text = BlockComment().Replace(text, "");
        text = VerbatimString().Replace(text, "\"\"");
        return PlainString().Replace(text, "\"\"");
    }

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"\bMelanomaExp\.([A-Z]\w*)")]
    private static partial Regex LibraryName();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex Qualified();

    [GeneratedRegex(@"\b[A-Z]\w*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"@""(?:[^""]|"""")*""")]
    private static partial Regex VerbatimString();

    [GeneratedRegex(@"""(?:\\.|[^""\\\n])*""")]
    private static partial Regex PlainString();
}
