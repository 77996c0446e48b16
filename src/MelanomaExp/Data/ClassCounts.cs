namespace MelanomaExp.Data;

internal static class ClassCounts
{
    /// <summary>How many of <paramref name="labels"/> fall in each of <paramref name="classes"/> classes.</summary>
    public static int[] Of(IEnumerable<int> labels, int classes)
    {
        var counts = new int[classes];
        foreach (var l in labels)
        {
            counts[l]++;
        }
        return counts;
    }
}
