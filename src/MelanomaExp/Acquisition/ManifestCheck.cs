using System.Security.Cryptography;

namespace MelanomaExp.Acquisition;

/// <summary>Collects what was found for each manifest path (size and SHA-256, computed while copying) and what was not in it.</summary>
internal sealed class ManifestCheck(DatasetManifest manifest)
{
    private readonly Dictionary<string, (long Bytes, string Sha256)> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _extra = [];

    public DatasetManifest Manifest { get; } = manifest;

    public void Observe(string path, long bytes, string sha256) => _seen[path] = (bytes, sha256);

    public void Extra(string path) => _extra.Add(path);

    public ManifestCheckResult Finish()
    {
        var missing = new List<string>();
        var wrong = new List<FileProblem>();
        var verified = 0;
        foreach (var entry in Manifest.Entries)
        {
            if (!_seen.TryGetValue(entry.Path, out var found))
            {
                missing.Add(entry.Path);
            }
            else if (found.Bytes != entry.Bytes)
            {
                wrong.Add(new FileProblem(entry.Path, $"{found.Bytes} bytes, expected {entry.Bytes}"));
            }
            else if (found.Sha256 != entry.Sha256)
            {
                wrong.Add(new FileProblem(entry.Path, $"sha256 {found.Sha256[..12]}..., expected {entry.Sha256[..12]}..."));
            }
            else
            {
                verified++;
            }
        }
        return new ManifestCheckResult(verified, missing, wrong, [.. _extra.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Checks the files already under <paramref name="folder"/> (a data folder laid out as the manifest says); our marker file is not an extra.</summary>
    public static ManifestCheckResult Folder(DatasetManifest manifest, string folder, Action<AcquisitionProgress>? progress = null)
    {
        var check = new ManifestCheck(manifest);
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != Safety.OutputMarker.FileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        var done = 0;
        foreach (var relative in files)
        {
            if (manifest.Find(relative) is null)
            {
                check.Extra(relative);
                continue;
            }
            using var stream = File.OpenRead(Path.Combine(folder, relative));
            var bytes = stream.Length;
            check.Observe(relative, bytes, Convert.ToHexStringLower(SHA256.HashData(stream)));
            progress?.Invoke(new AcquisitionProgress(AcquisitionStage.Check, ++done, manifest.Entries.Count));
        }
        return check.Finish();
    }
}
