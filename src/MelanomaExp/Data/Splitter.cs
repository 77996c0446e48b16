namespace MelanomaExp.Data;

/// <summary>
/// Seeded train/validation split. Stratified (default): each class is shuffled and split on its own,
/// so the validation share of every class matches. Unstratified: the whole list is shuffled and the
/// last fraction becomes validation, as Keras' <c>validation_split</c> does (its exact shuffle is
/// numpy's, which is not reproduced here).
/// </summary>
public static class Splitter
{
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
