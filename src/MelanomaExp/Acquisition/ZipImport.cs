using System.IO.Compression;

namespace MelanomaExp.Acquisition;

/// <summary>
/// Extracts the manifest's files from a zip archive into a staging folder, refusing archives that could
/// write outside it (an entry such as <c>../x</c> or <c>/etc/x</c>) or expand without bound (a zip bomb:
/// the declared sizes over the limit, or an entry inflating past its declared size). Both refusals come
/// before anything is written or stop the extraction; the caller removes the staging folder.
/// </summary>
internal static class ZipImport
{
    public static void Extract(string zipFile, string staging, ManifestCheck check, long maxBytes, Action<AcquisitionProgress>? progress)
    {
        using var zip = Open(zipFile);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/') && !e.FullName.EndsWith('\\')).ToList();
        foreach (var entry in zip.Entries)
        {
            if (!ArchivePath.IsSafeRelative(entry.FullName.TrimEnd('/', '\\')))
            {
                throw new BadInputException($"{zipFile}: entry '{entry.FullName}' would be written outside the data folder (path traversal); the archive is refused (nothing was extracted)");
            }
        }
        var declared = files.Sum(e => e.Length);
        if (declared > maxBytes)
        {
            throw new BadInputException($"{zipFile}: its entries declare {declared:N0} bytes uncompressed, over the limit of {maxBytes:N0} (a zip bomb?); the archive is refused (nothing was extracted)");
        }
        var layout = DataLayout.Locate(check.Manifest, files.Select(e => e.FullName));
        var written = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var entry in files)
        {
            var relative = layout.Map(entry.FullName);
            var expected = relative is null ? null : check.Manifest.Find(relative);
            if (relative is null || expected is null || !written.Add(relative))
            {
                check.Extra(ArchivePath.Normalize(entry.FullName));
                continue;
            }
            using var stream = entry.Open();
            var copy = HashedCopy.Write(stream, Path.Combine(staging, relative), Math.Min(entry.Length, expected.Bytes));
            if (copy.OverLimit && entry.Length <= expected.Bytes)
            {
                throw new BadInputException($"{zipFile}: entry '{entry.FullName}' inflates past its declared {entry.Length:N0} bytes (a zip bomb?); the archive is refused (nothing was kept)");
            }
            total += copy.Bytes;
            if (total > maxBytes)
            {
                throw new BadInputException($"{zipFile}: extracting it passed the limit of {maxBytes:N0} bytes (a zip bomb?); the archive is refused (nothing was kept)");
            }
            check.Observe(relative, copy.OverLimit ? entry.Length : copy.Bytes, copy.Sha256);
            progress?.Invoke(new AcquisitionProgress(AcquisitionStage.Check, written.Count, check.Manifest.Entries.Count));
        }
    }

    private static ZipArchive Open(string zipFile)
    {
        try
        {
            return ZipFile.OpenRead(zipFile);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException($"{zipFile}: not a readable zip archive ({e.Message})", e);
        }
    }
}
