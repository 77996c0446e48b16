namespace MelanomaExp.Acquisition;

/// <summary>Copies the manifest's files from a folder the user already has (an unpacked download, or its parent) into a staging folder.</summary>
internal static class FolderImport
{
    public static void Copy(string folder, string staging, ManifestCheck check, Action<AcquisitionProgress>? progress)
    {
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"--from {folder}: folder not found");
        }
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != Safety.OutputMarker.FileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var layout = DataLayout.Locate(check.Manifest, files);
        var done = 0;
        foreach (var file in files)
        {
            var relative = layout.Map(file);
            var expected = relative is null ? null : check.Manifest.Find(relative);
            if (relative is null || expected is null)
            {
                check.Extra(file);
                continue;
            }
            using var stream = File.OpenRead(Path.Combine(folder, file));
            var copy = HashedCopy.Write(stream, Path.Combine(staging, relative), expected.Bytes);
            check.Observe(relative, copy.OverLimit ? stream.Length : copy.Bytes, copy.Sha256);
            progress?.Invoke(new AcquisitionProgress(AcquisitionStage.Check, ++done, check.Manifest.Entries.Count));
        }
    }
}
