using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// Findings are kept per user (<c>~/.cache/melanoma-exp/audit/</c>) under a key made of the images'
/// content hashes, their decoded size and the threshold, so re-running an experiment on unchanged data
/// does not audit it again.
/// </summary>
internal static class AuditCache
{
    public static AuditFindings GetOrCompute(ImageStore store, int threshold)
    {
        if (store.Hashes.Length != store.Count)
        {
            return DataAuditor.Audit(store, threshold);
        }
        var key = Key(store, threshold);
        var file = Path.Combine(UserCache.Root(), "audit", $"{key}.json");
        if (Cached(file, store, threshold) is { } pairs)
        {
            return new AuditFindings(store.Count, threshold, pairs, store.Labels);
        }
        var findings = DataAuditor.Audit(store, threshold);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = $"{file}.{Environment.ProcessId}.tmp";
        var payload = JsonSerializer.Serialize(findings.Pairs);
        File.WriteAllText(temp, JsonSerializer.Serialize(new Entry(Sha(payload), payload)));
        File.Move(temp, file, overwrite: true);
        return findings;
    }

    /// <summary>
    /// The cached pairs, or null to recompute: an entry is used only when its checksum matches (damage) and
    /// every pair it lists is confirmed from the two images (an entry edited to drop or relabel images).
    /// </summary>
    private static List<ImagePair>? Cached(string file, ImageStore store, int threshold)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file));
            if (entry?.Pairs is null || entry.Sha256 != Sha(entry.Pairs))
            {
                return null;
            }
            var pairs = JsonSerializer.Deserialize<List<ImagePair>>(entry.Pairs);
            return pairs is not null && pairs.Distinct().Count() == pairs.Count && pairs.All(p => DataAuditor.Confirms(store, p, threshold)) ? pairs : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Entry(string Sha256, string Pairs);

    private static string Key(ImageStore store, int threshold)
    {
        var text = $"{threshold}/{store.Height}x{store.Width}/{string.Join(',', store.Hashes)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}
