using System.Security.Cryptography;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// Finds exact duplicates (same file bytes, or same decoded pixels) and near duplicates (perceptual
/// hashes within <c>threshold</c> bits under any flip or quarter turn) among a store's images.
/// </summary>
internal static class DataAuditor
{
    public static AuditFindings Audit(ImageStore store, int threshold)
    {
        var n = store.Count;
        var hashes = new ulong[n][];
        var pixelKeys = new string[n];
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            hashes[i] = PerceptualHash.Dihedral(store.Image(i), store.Height, store.Width);
            pixelKeys[i] = Convert.ToHexStringLower(SHA256.HashData(store.Image(i)));
        });
        var pairs = new List<ImagePair>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                var (exact, distance) = Measure(SameFile(store, a, b) || pixelKeys[a] == pixelKeys[b], hashes[a], hashes[b]);
                if (exact || distance <= threshold)
                {
                    pairs.Add(new ImagePair(a, b, distance, exact));
                }
            }
        }
        return new AuditFindings(n, threshold, pairs, store.Labels);
    }

    /// <summary>Whether <paramref name="pair"/> is a finding <see cref="Audit"/> would make, recomputed from the two images alone.</summary>
    public static bool Confirms(ImageStore store, ImagePair pair, int threshold)
    {
        if (pair.A < 0 || pair.A >= pair.B || pair.B >= store.Count)
        {
            return false;
        }
        var (exact, distance) = Measure(
            SameFile(store, pair.A, pair.B) || store.Image(pair.A).SequenceEqual(store.Image(pair.B)),
            PerceptualHash.Dihedral(store.Image(pair.A), store.Height, store.Width),
            PerceptualHash.Dihedral(store.Image(pair.B), store.Height, store.Width));
        return exact == pair.Exact && distance == pair.Distance && (exact || distance <= threshold);
    }

    private static bool SameFile(ImageStore store, int a, int b) => store.Hashes.Length == store.Count && store.Hashes[a] == store.Hashes[b];

    /// <summary>One pair's finding: identical bytes or pixels, else the closest of <paramref name="a"/>'s flips and turns to <paramref name="b"/>.</summary>
    private static (bool Exact, int Distance) Measure(bool identical, ulong[] a, ulong[] b) =>
        identical ? (true, 0) : (false, MinDistance(a, b[0]));

    /// <summary>All pairwise minimum distances (for choosing a threshold): how close each image's nearest other image is.</summary>
    public static int[] NearestDistances(ImageStore store)
    {
        var hashes = Enumerable.Range(0, store.Count).Select(i => PerceptualHash.Dihedral(store.Image(i), store.Height, store.Width)).ToArray();
        return Enumerable.Range(0, store.Count)
            .Select(a => Enumerable.Range(0, store.Count).Where(b => b != a).Select(b => MinDistance(hashes[a], hashes[b][0])).DefaultIfEmpty(64).Min())
            .ToArray();
    }

    private static int MinDistance(ulong[] variants, ulong other)
    {
        var best = 64;
        foreach (var v in variants)
        {
            best = Math.Min(best, PerceptualHash.Distance(v, other));
        }
        return best;
    }
}
