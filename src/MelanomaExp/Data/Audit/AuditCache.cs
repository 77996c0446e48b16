using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// Findings are kept per user (<c>~/.cache/melanoma-exp/audit/</c>) under a key made of the images'
/// content hashes, their decoded size and the threshold, so re-running an experiment on unchanged data
/// does not audit it again.
/// </summary>
public static class AuditCache
{
    public static AuditFindings GetOrCompute(ImageStore store, int threshold)
    {
        if (store.Hashes.Length != store.Count)
        {
            return DataAuditor.Audit(store, threshold);
        }
        var key = Key(store, threshold);
        var file = Path.Combine(UserCache.Root(), "audit", $"{key}.json");
        if (File.Exists(file))
        {
            try
            {
                var pairs = JsonSerializer.Deserialize<List<ImagePair>>(File.ReadAllText(file));
                if (pairs is not null && pairs.All(p => p.A < store.Count && p.B < store.Count))
                {
                    return new AuditFindings(store.Count, threshold, pairs, store.Labels);
                }
            }
            catch (JsonException)
            {
                // A damaged cache entry is recomputed below.
            }
        }
        var findings = DataAuditor.Audit(store, threshold);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = $"{file}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(findings.Pairs));
        File.Move(temp, file, overwrite: true);
        return findings;
    }

    private static string Key(ImageStore store, int threshold)
    {
        var text = $"{threshold}/{store.Height}x{store.Width}/{string.Join(',', store.Hashes)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }
}
