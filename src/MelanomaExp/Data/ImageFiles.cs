namespace MelanomaExp.Data;

/// <summary>Which files count as images, listing them in a stable order, and which entries must never be read.</summary>
internal static class ImageFiles
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <summary>
    /// The .jpg, .jpeg and .png entries below <paramref name="dir"/>, ordinal-sorted so every machine sees the
    /// same list. Links to folders are listed, not followed (a link up the tree would relabel other classes'
    /// images and a loop would never end); <see cref="Unreadable"/> says why such entries are not images.
    /// </summary>
    public static List<string> In(string dir)
    {
        var found = new List<string>();
        Walk(new DirectoryInfo(dir), found);
        return found.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Why <paramref name="path"/> must not be read as an image of <paramref name="classDir"/>, or null when it is a regular file that may be.</summary>
    public static string? Unreadable(string path, string classDir)
    {
        if (path.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return "the file name is not valid UTF-8; rename it";
        }
        FileSystemInfo entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (entry.LinkTarget is not null)
        {
            FileSystemInfo? target;
            try
            {
                target = entry.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                return "a symbolic link loop";
            }
            if (target is null || !target.Exists)
            {
                return $"a broken symbolic link (to {entry.LinkTarget})";
            }
            if (target is DirectoryInfo)
            {
                return "a link to a folder; links to folders are not followed";
            }
            var home = Safety.PathRelation.RealPath(classDir) ?? classDir;
            if (!Safety.PathRelation.IsSameOrInside(Safety.PathRelation.RealPath(target.FullName) ?? target.FullName, home))
            {
                return $"a link that leads outside its class folder (to {target.FullName})";
            }
            entry = target;
        }
        if (entry is DirectoryInfo)
        {
            return "a folder, not an image file";
        }
        // A FIFO, socket or device reports size 0: reading one could block forever, so size 0 is never read.
        return ((FileInfo)entry).Length == 0 ? "empty file, or not a regular file (FIFO, socket or device)" : null;
    }

    /// <summary>
    /// The bytes of <paramref name="path"/> read by the rules every reader shares (training, evaluate, predict),
    /// or null with <paramref name="why"/> it is not an image: <see cref="Unreadable"/> first, so that a FIFO is
    /// never opened and a link to a folder never read as a file.
    /// </summary>
    /// <param name="home">The folder its links must stay in: <see cref="HomeOf"/>.</param>
    public static byte[]? Read(string path, string home, out string? why)
    {
        if ((why = Unreadable(path, home)) is not null)
        {
            return null;
        }
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            why = $"cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>The folder a file's links must stay in: its class folder below <paramref name="root"/>, or for files given one by one (predict, caches) its own folder.</summary>
    public static string HomeOf(string path, string root, string className)
    {
        var classDir = Path.Combine(root, className);
        return Safety.PathRelation.IsSameOrInside(path, classDir) ? classDir : Path.GetDirectoryName(Path.GetFullPath(path))!;
    }

    private static void Walk(DirectoryInfo dir, List<string> found)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos())
        {
            var isImageName = Extensions.Contains(Path.GetExtension(entry.Name).ToLowerInvariant());
            if (entry is DirectoryInfo sub && sub.LinkTarget is null)
            {
                Walk(sub, found);
            }
            else if (isImageName || entry.LinkTarget is not null && entry is DirectoryInfo)
            {
                found.Add(entry.FullName);
            }
        }
    }
}
