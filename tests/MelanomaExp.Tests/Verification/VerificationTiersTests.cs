using MelanomaExp.Results;
using MelanomaExp.Verification;

namespace MelanomaExp.Tests.Verification;

/// <summary>The verdict's tiers: bit-identity on the same numerics, headline figures on other numerics.</summary>
public class VerificationTiersTests
{
    private static readonly EnvironmentDifference OtherCpu = new("cpu isa", "avx2", "avx512");

    private static VerificationResult Result(Verdict headline, params FigureCheck[] figures) =>
        new("r", [new MetricCheck("base", "val_accuracy", 0.2361, 0.2222, 0.02, headline)], []) { Figures = figures };

    private static FigureCheck Figure(string path, string kind, Verdict verdict, string committed = "0.5", string reproduced = "0.625") =>
        new(path, kind, committed, reproduced, 0.02, verdict);

    [Fact]
    public void On_the_same_numerics_a_difference_within_tolerance_is_not_reproduced_and_names_the_figure()
    {
        var result = Result(Verdict.Identical, Figure("base.validation.accuracy", "rate", Verdict.WithinTolerance, "0.5", "0.51"));

        Assert.False(result.Reproduced);
        Assert.Contains("base.validation.accuracy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void On_the_same_numerics_bit_identical_figures_are_reproduced()
    {
        var result = Result(Verdict.Identical, Figure("base.validation.accuracy", "rate", Verdict.Identical, "0.5", "0.5"));

        Assert.True(result.Reproduced);
    }

    [Fact]
    public void On_other_numerics_a_per_class_recall_that_moved_one_image_does_not_decide()
    {
        var result = Result(Verdict.WithinTolerance, Figure("base.validation.per_class[3].recall", "rate", Verdict.NotReproduced), Figure("base.validation.confusion_matrix[1][2]", "confusion", Verdict.NotReproduced, "3", "0"), Figure("base.final.epoch", "count", Verdict.NotReproduced, "4", "3")) with { Numerics = [OtherCpu] };

        Assert.True(result.Reproduced);
        Assert.Contains("3 per-class, confusion or per-epoch figures moved", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void On_other_numerics_a_headline_figure_beyond_tolerance_is_not_reproduced()
    {
        var result = Result(Verdict.NotReproduced, Figure("base.validation.accuracy", "rate", Verdict.NotReproduced)) with { Numerics = [OtherCpu] };

        Assert.False(result.Reproduced);
        Assert.Contains("base val_accuracy is beyond the fixed tolerances", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void On_other_numerics_a_data_count_or_a_missing_figure_still_decides()
    {
        Assert.False((Result(Verdict.Identical, Figure("base.validation.images", "count", Verdict.NotReproduced, "72", "71")) with { Numerics = [OtherCpu] }).Reproduced);
        Assert.False((Result(Verdict.Identical, Figure("base.validation.auc", "rate", Verdict.NotReproduced, "0.5", "(missing)")) with { Numerics = [OtherCpu] }).Reproduced);
    }
}
