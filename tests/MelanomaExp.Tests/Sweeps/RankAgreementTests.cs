using MelanomaExp.Results;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Tests.Sweeps;

public class RankAgreementTests
{
    private static StudyCell Cell(string step, string metric, params double[] values) =>
        new("default", [], step, ReportMetric.Named(metric), [.. Enumerable.Range(1, values.Length)], values);

    [Fact]
    public void A_validation_that_ranks_opposite_to_test_has_tau_minus_one_and_names_every_reversed_pair()
    {
        var cells = new[]
        {
            Cell("base", "val_balanced_accuracy", 0.50, 0.52), Cell("base", "test_balanced_accuracy", 0.30, 0.31),
            Cell("colour", "val_balanced_accuracy", 0.45, 0.47), Cell("colour", "test_balanced_accuracy", 0.35, 0.36),
            Cell("augment", "val_balanced_accuracy", 0.40, 0.41), Cell("augment", "test_balanced_accuracy", 0.40, 0.42),
        };
        var agreement = Assert.Single(RankAgreement.Of(cells));
        Assert.Equal(("val_balanced_accuracy", "test_balanced_accuracy", 3), (agreement.Validation, agreement.Test, agreement.Cells));
        Assert.Equal(-1, agreement.TauOfMeans, 12);
        Assert.Equal([-1.0, -1.0], agreement.TauPerSeed);
        Assert.Equal([("base", "colour"), ("base", "augment"), ("colour", "augment")], agreement.Discordant);
    }

    [Fact]
    public void Agreeing_rankings_have_tau_one_and_no_reversed_pair()
    {
        var cells = new[]
        {
            Cell("a", "val_positive_auc", 0.9), Cell("a", "test_positive_auc", 0.8),
            Cell("b", "val_positive_auc", 0.7), Cell("b", "test_positive_auc", 0.6),
        };
        var agreement = Assert.Single(RankAgreement.Of(cells));
        Assert.Equal(1, agreement.TauOfMeans, 12);
        Assert.Empty(agreement.Discordant);
    }
}
