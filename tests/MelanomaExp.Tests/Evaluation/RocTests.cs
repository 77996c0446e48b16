using MelanomaExp.Evaluation;

namespace MelanomaExp.Tests.Evaluation;

public class RocTests
{
    private static readonly bool[] Truth = [false, false, true, true];

    [Fact]
    public void Perfect_inverted_and_random_rankings()
    {
        Assert.Equal(1.0, Roc.Auc([0.1, 0.2, 0.8, 0.9], Truth));
        Assert.Equal(0.0, Roc.Auc([0.9, 0.8, 0.2, 0.1], Truth));
        Assert.Equal(0.5, Roc.Auc([0.5, 0.5, 0.5, 0.5], Truth));
    }

    [Fact]
    public void Matches_the_scikit_learn_documentation_example()
    {
        Assert.Equal(0.75, Roc.Auc([0.1, 0.4, 0.35, 0.8], Truth), 12);
    }

    [Fact]
    public void Is_undefined_without_both_groups()
    {
        Assert.True(double.IsNaN(Roc.Auc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Curve_runs_from_origin_to_one_one_and_youden_picks_the_separating_cut()
    {
        var curve = Roc.Curve([0.1, 0.2, 0.8, 0.9], Truth);
        Assert.Equal((0.0, 0.0), (curve[0].FalsePositiveRate, curve[0].TruePositiveRate));
        Assert.Equal((1.0, 1.0), (curve[^1].FalsePositiveRate, curve[^1].TruePositiveRate));
        Assert.Equal(0.8, Roc.YoudenThreshold(curve));
    }
}
