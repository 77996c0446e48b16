using MelanomaExp.Evaluation;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Whether validation ranks the study's grid points and steps as Test does, for one figure measured on both: Kendall's
/// tau over the means, the same per seed, and the pairs the two orderings put the other way round. A validation that
/// ranks opposite to Test would make a user keep the worst models; this says so before anyone chooses by it. It only
/// reports: nothing in the tool chooses by Test.
/// </summary>
internal sealed record RankAgreement(string Validation, string Test, int Cells, double TauOfMeans, IReadOnlyList<double> TauPerSeed, IReadOnlyList<(string Higher, string Lower)> Discordant)
{
    /// <summary>The figures measured on both sets that a study compares.</summary>
    public static readonly IReadOnlyList<(string Validation, string Test)> Pairs =
        [("val_balanced_accuracy", "test_balanced_accuracy"), ("val_positive_auc", "test_positive_auc"), ("val_accuracy", "test_accuracy")];

    public static IReadOnlyList<RankAgreement> Of(IReadOnlyList<StudyCell> cells) =>
        [.. Pairs.Select(p => Of(cells, p.Validation, p.Test)).OfType<RankAgreement>()];

    private static RankAgreement? Of(IReadOnlyList<StudyCell> cells, string validation, string test)
    {
        var both = cells.Where(c => c.Metric.Name == validation)
            .Select(v => (Val: v, Test: cells.FirstOrDefault(t => t.Metric.Name == test && t.Point == v.Point && t.Step == v.Step)))
            .Where(p => p.Test is not null)
            .Select(p => (p.Val, Test: p.Test!))
            .ToList();
        if (both.Count < 2)
        {
            return null;
        }
        var valMeans = both.Select(p => p.Val.Values.Average()).ToList();
        var testMeans = both.Select(p => p.Test.Values.Average()).ToList();
        var discordant = new List<(string, string)>();
        for (var i = 0; i < both.Count; i++)
        {
            for (var j = 0; j < both.Count; j++)
            {
                if (valMeans[i] > valMeans[j] && testMeans[i] < testMeans[j])
                {
                    discordant.Add((both[i].Val.Label, both[j].Val.Label));
                }
            }
        }
        // Per seed: the seeds every cell of both figures has, each ranked on its own.
        var seeds = both.Select(p => p.Val.Seeds.Intersect(p.Test.Seeds)).Aggregate((a, b) => a.Intersect(b)).Order().ToList();
        var perSeed = seeds.Select(seed => KendallTau.Of(
            [.. both.Select(p => p.Val.Values[p.Val.Seeds.ToList().IndexOf(seed)])],
            [.. both.Select(p => p.Test.Values[p.Test.Seeds.ToList().IndexOf(seed)])])).ToList();
        return new RankAgreement(validation, test, both.Count, KendallTau.Of(valMeans, testMeans), perSeed, discordant);
    }
}
