namespace MelanomaExp.Safety;

/// <summary>How two absolute paths relate, compared segment by segment (so <c>/a/bc</c> is not inside <c>/a/b</c>).</summary>
internal static class PathRelation
{
    public static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies somewhere under it.</summary>
    public static bool IsSameOrInside(string path, string folder)
    {
        var (p, f) = (Full(path), Full(folder));
        if (p == f)
        {
            return true;
        }
        var prefix = f.EndsWith(Path.DirectorySeparatorChar) ? f : f + Path.DirectorySeparatorChar;
        return p.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The path itself and its real target when it (or a folder above it) is a symbolic link.</summary>
    public static IEnumerable<string> WithRealPath(string path)
    {
        var full = Full(path);
        yield return full;
        if (RealPath(full) is { } real && real != full)
        {
            yield return real;
        }
    }

    /// <summary>The path with every link resolved, for the part of it that exists; null if it cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        var full = Full(path);
        var existing = full;
        var rest = new Stack<string>();
        while (!Directory.Exists(existing) && !File.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return null;
            }
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }
        try
        {
            var resolved = ResolveAll(existing);
            return rest.Aggregate(resolved, Path.Combine);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string ResolveAll(string path)
    {
        var parent = Path.GetDirectoryName(path);
        var resolvedParent = parent is null ? path : ResolveAll(parent);
        if (parent is null)
        {
            return path;
        }
        var here = Path.Combine(resolvedParent, Path.GetFileName(path));
        FileSystemInfo info = Directory.Exists(here) ? new DirectoryInfo(here) : new FileInfo(here);
        return info.LinkTarget is null ? here : Full(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? here);
    }
}
