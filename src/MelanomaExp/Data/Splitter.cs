using MelanomaExp.Config;

namespace MelanomaExp.Data;

/// <summary>
/// Seeded train/validation split. Stratified (default): each class is shuffled and split on its own,
/// so the validation share of every class matches. Unstratified: the whole list is shuffled and the
/// last fraction becomes validation, like Keras' <c>validation_split</c> but with .NET's shuffle;
/// <c>split: keras</c> (<see cref="KerasSplitter"/>) reproduces Keras' exact permutation.
/// </summary>
internal static class Splitter
{
    /// <summary>The split <paramref name="data"/> asks for. Images from <paramref name="firstGenerated"/> on are generated ones.</summary>
    public static Split Make(DataSpec data, ImageStore store, int firstGenerated, Random rng, int seed) => data.Split == SplitMethod.Keras
        ? KerasSplitter.Make(store.Labels, store.Paths, firstGenerated, data.ValidationSplit, seed)
        : Make(store.Labels, data.ValidationSplit, data.Stratify, rng);

    public static Split Make(int[] labels, double validationFraction, bool stratify, Random rng)
    {
        if (!stratify)
        {
            var all = Shuffled(Enumerable.Range(0, labels.Length).ToArray(), rng);
            var n = (int)Math.Round(all.Length * validationFraction);
            return new Split(all[..^n].Order().ToArray(), all[^n..].Order().ToArray());
        }
        var train = new List<int>();
        var validation = new List<int>();
        foreach (var group in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = Shuffled(group.ToArray(), rng);
            var n = (int)Math.Round(members.Length * validationFraction);
            validation.AddRange(members[..n]);
            train.AddRange(members[n..]);
        }
        return new Split(train.Order().ToArray(), validation.Order().ToArray());
    }

    private static int[] Shuffled(int[] items, Random rng)
    {
        var copy = (int[])items.Clone();
        rng.Shuffle(copy);
        return copy;
    }
}
