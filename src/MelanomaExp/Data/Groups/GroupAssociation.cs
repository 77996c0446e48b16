using MathNet.Numerics.Distributions;

namespace MelanomaExp.Data.Groups;

/// <summary>
/// How well an image's group alone predicts its class: the class-by-group table, Pearson's chi-square
/// with its p-value, Cramér's V (0 = independent, 1 = the group determines the class) and the accuracy
/// of the rule "predict the most common class of the image's group", next to the accuracy of always
/// predicting the most common class overall.
/// </summary>
public sealed record GroupAssociation(
    IReadOnlyList<string> Classes,
    IReadOnlyList<string> Groups,
    int[,] Counts,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    double CramersV,
    double GroupMajorityAccuracy,
    double ClassMajorityAccuracy)
{
    /// <summary>Cramér's V from which the report warns. 0.3 is the conventional lower bound of a "large" association for a table with two or more degrees of freedom per side.</summary>
    public const double WarnAt = 0.3;

    /// <summary>Said on the console and in the report when <see cref="Confounded"/>.</summary>
    public const string ConfoundWarning = "the collection predicts the class: a model may learn the collection";

    public bool Confounded => CramersV >= WarnAt;

    public int Total => Counts.Cast<int>().Sum();

    public static GroupAssociation Of(IReadOnlyList<string> classes, int[] labels, IReadOnlyList<string> groups)
    {
        var names = groups.Distinct().Order(StringComparer.Ordinal).ToList();
        var column = names.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i);
        var counts = new int[classes.Count, names.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            counts[labels[i], column[groups[i]]]++;
        }
        var n = labels.Length;
        var rows = Enumerable.Range(0, classes.Count).Select(r => Enumerable.Range(0, names.Count).Sum(c => counts[r, c])).ToArray();
        var cols = Enumerable.Range(0, names.Count).Select(c => Enumerable.Range(0, classes.Count).Sum(r => counts[r, c])).ToArray();
        var chi = 0.0;
        for (var r = 0; r < classes.Count; r++)
        {
            for (var c = 0; c < names.Count; c++)
            {
                if (rows[r] == 0 || cols[c] == 0)
                {
                    continue;
                }
                var expected = rows[r] * (double)cols[c] / n;
                chi += (counts[r, c] - expected) * (counts[r, c] - expected) / expected;
            }
        }
        // Empty classes (all removed by the audit, say) take no part in the table's dimensions.
        var k = Math.Min(rows.Count(x => x > 0), cols.Count(x => x > 0));
        var df = (rows.Count(x => x > 0) - 1) * (cols.Count(x => x > 0) - 1);
        var v = k < 2 || n == 0 ? 0 : Math.Sqrt(chi / (n * (k - 1.0)));
        var p = df > 0 ? 1 - ChiSquared.CDF(df, chi) : 1;
        var groupMajority = n == 0 ? 0 : Enumerable.Range(0, names.Count).Sum(c => Enumerable.Range(0, classes.Count).Max(r => counts[r, c])) / (double)n;
        var classMajority = n == 0 ? 0 : rows.Max() / (double)n;
        return new GroupAssociation(classes, names, counts, chi, df, p, v, groupMajority, classMajority);
    }
}
