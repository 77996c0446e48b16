using MelanomaExp.Seeding;

namespace MelanomaExp.Data;

/// <summary>
/// Keras' <c>image_dataset_from_directory(validation_split=f, seed=s)</c>: the paths in Keras' listing
/// order (classes sorted, then os.walk: a folder's own files sorted, then each subfolder's, sorted by
/// folder path), shuffled with numpy's <c>RandomState(s).shuffle</c>; the last <c>int(f * N)</c> are
/// validation (truncated, not rounded). Not stratified. Generated images count as files in an
/// <c>output/</c> subfolder of their class, where Augmentor writes them.
/// </summary>
internal static class KerasSplitter
{
    /// <param name="labels">Class index per image.</param>
    /// <param name="paths">Path per image; originals are ordered by folder then file name as os.walk would list them.</param>
    /// <param name="firstGenerated">Images from this index on are generated (sorted after their class's originals).</param>
    public static Split Make(IReadOnlyList<int> labels, IReadOnlyList<string> paths, int firstGenerated, double validationFraction, int seed)
    {
        var order = Shuffled(labels, paths, firstGenerated, seed);
        var n = (int)(validationFraction * order.Length);
        return new Split(order[..^n].Order().ToArray(), order[^n..].Order().ToArray());
    }

    /// <summary>The same, returning validation in Keras' own (shuffled) order, as the reference vectors list it.</summary>
    public static int[] ValidationInKerasOrder(IReadOnlyList<int> labels, IReadOnlyList<string> paths, int firstGenerated, double validationFraction, int seed)
    {
        var order = Shuffled(labels, paths, firstGenerated, seed);
        return order[^(int)(validationFraction * order.Length)..];
    }

    private static int[] Shuffled(IReadOnlyList<int> labels, IReadOnlyList<string> paths, int firstGenerated, int seed)
    {
        var order = KerasOrder(labels, paths, firstGenerated);
        new NumpyRandomState((uint)seed).Shuffle(order);
        return order;
    }

    private static int[] KerasOrder(IReadOnlyList<int> labels, IReadOnlyList<string> paths, int firstGenerated) =>
        Enumerable.Range(0, labels.Count)
            .OrderBy(i => labels[i])
            .ThenBy(i => i >= firstGenerated ? 1 : 0)
            .ThenBy(i => Path.GetDirectoryName(paths[i]) ?? "", StringComparer.Ordinal)
            .ThenBy(i => Path.GetFileName(paths[i]), StringComparer.Ordinal)
            .ToArray();
}
