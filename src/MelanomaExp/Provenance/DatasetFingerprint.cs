using System.Security.Cryptography;
using System.Text;
using MelanomaExp.Data;

namespace MelanomaExp.Provenance;

/// <summary>
/// Identifies a dataset by content: sha256 over every image's class, file name and content hash, in
/// a fixed order. Where the folder sits on disk does not matter; a changed, added or removed image does.
/// </summary>
public sealed record DatasetFingerprint(string Hash, int Images, IReadOnlyDictionary<string, int> PerClass)
{
    public static DatasetFingerprint Of(ImageStore store)
    {
        var lines = Enumerable.Range(0, store.Count)
            .Select(i => $"{store.Classes[store.Labels[i]]}/{Path.GetFileName(store.Paths[i])}:{store.Hashes[i]}")
            .Order(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
        var perClass = store.Classes.Select((c, k) => (c, store.Labels.Count(l => l == k))).ToDictionary(p => p.c, p => p.Item2);
        return new DatasetFingerprint(hash, store.Count, perClass);
    }
}
