using System.Security.Cryptography;
using System.Text;

namespace MelanomaExp.Provenance;

/// <summary>
/// Identifies a dataset by content: sha256 over every image's class, file name and content hash, in
/// a fixed order. Where the folder sits on disk does not matter; a changed, added or removed image does.
/// </summary>
public sealed record DatasetFingerprint(string Hash, int Images, IReadOnlyDictionary<string, int> PerClass)
{
    /// <param name="classes">Every class, in label order (a class with no image still counts, as 0).</param>
    /// <param name="images">Each image's label, path (only the file name counts) and content hash.</param>
    public static DatasetFingerprint Of(IReadOnlyList<string> classes, IReadOnlyList<(int Label, string Path, string Hash)> images)
    {
        var lines = images
            .Select(i => $"{classes[i.Label]}/{Path.GetFileName(i.Path)}:{i.Hash}")
            .Order(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
        var perClass = classes.Select((c, k) => (c, images.Count(i => i.Label == k))).ToDictionary(p => p.c, p => p.Item2);
        return new DatasetFingerprint(hash, images.Count, perClass);
    }
}
