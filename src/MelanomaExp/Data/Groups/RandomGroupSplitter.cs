namespace MelanomaExp.Data.Groups;

/// <summary>
/// <c>by: random-groups</c>: whole units (split groups joined with duplicate groups) go to validation in a
/// seeded random order, each one only if it brings the validation set nearer its target, every class's
/// share of its own images (or, unstratified, the total). A unit's images of every class count, so groups
/// that mix classes do not push one class past its share unseen, as filing a group under one class would.
/// </summary>
internal static class RandomGroupSplitter
{
    public static Split Make(int[] labels, IReadOnlyList<int[]> units, double validationFraction, bool stratify, Random rng)
    {
        var classes = stratify ? labels.Max() + 1 : 1;
        int ClassOf(int image) => stratify ? labels[image] : 0;
        var target = new double[classes];
        foreach (var image in units.SelectMany(u => u))
        {
            target[ClassOf(image)] += validationFraction;
        }
        var taken = new double[classes];
        var order = units.ToArray();
        rng.Shuffle(order);
        var validation = new List<int>();
        foreach (var unit in order)
        {
            // The relative shortfall of each class the unit touches, before and after taking it.
            var delta = unit.GroupBy(ClassOf).Sum(g =>
            {
                var scale = Math.Max(target[g.Key], 1);
                return (Math.Abs(taken[g.Key] + g.Count() - target[g.Key]) - Math.Abs(taken[g.Key] - target[g.Key])) / scale;
            });
            if (delta < 0)
            {
                validation.AddRange(unit);
                foreach (var image in unit)
                {
                    taken[ClassOf(image)]++;
                }
            }
        }
        var inValidation = validation.ToHashSet();
        return new Split(Enumerable.Range(0, labels.Length).Where(i => !inValidation.Contains(i)).ToArray(), validation.Order().ToArray());
    }
}
