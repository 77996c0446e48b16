using System.Text.Json.Nodes;
using MelanomaExp.Reporting.Verification;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Verification;

namespace MelanomaExp.Tests.Verification;

public class SeedSpreadTests
{
    private static void Study(string dir, string experiment, double sd)
    {
        Directory.CreateDirectory(dir);
        var cell = new JsonObject { ["point"] = "default", ["step"] = "rebalanced", ["metric"] = "val_accuracy", ["n"] = 3, ["sd"] = sd };
        var json = new JsonObject { ["format"] = MelanomaExp.Documents.ReportFormats.Study, ["experiment"] = experiment, ["cells"] = new JsonArray(cell) };
        File.WriteAllText(Path.Combine(dir, "study.json"), json.ToJsonString());
    }

    private static VerificationResult Rerun(double difference) => new("reports/final", [
        new MetricCheck("rebalanced", "val_accuracy", 0.5601, 0.5601 + difference, 0.02, Math.Abs(difference) <= 0.02 ? Verdict.WithinTolerance : Verdict.NotReproduced),
        new MetricCheck("rebalanced", "val_loss", 1.2, 1.3, 0.05, Verdict.NotReproduced),
    ], []);

    [Fact]
    public void A_difference_beyond_the_tolerance_but_inside_the_seed_band_is_within_seed_spread()
    {
        using var dir = new TempDir();
        Study(dir.Combine("study-seeds"), "final", sd: 0.015);
        var spread = SeedSpread.Find(dir.Combine("final"), "final", null)!;
        // The Xeon rerun of final.yaml: +2.56 points on the rebalanced step, 1.7 sd of this spread.
        var judged = spread.Judge(Rerun(0.0256));
        Assert.Equal(Verdict.WithinSeedSpread, judged.Checks[0].Verdict);
        Assert.Contains("1.7 sd of 3 seeds (within", SeedSpread.Describe(judged.Checks[0]), StringComparison.Ordinal);
        // A figure the study did not measure keeps the fixed tolerance's verdict.
        Assert.Equal(Verdict.NotReproduced, judged.Checks[1].Verdict);
        Assert.Null(judged.Checks[1].SeedSd);
        Assert.Contains("within seed spread", VerificationMarkdown.Render(judged), StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_beyond_the_seed_band_stays_not_reproduced()
    {
        using var dir = new TempDir();
        Study(dir.Combine("study"), "final", sd: 0.003);
        var judged = SeedSpread.Find(dir.Combine("final"), "final", dir.Combine("study"))!.Judge(Rerun(0.0256));
        Assert.Equal(Verdict.NotReproduced, judged.Checks[0].Verdict);
        Assert.Contains("8.5 sd of 3 seeds (beyond the ±6.08 sd band)", SeedSpread.Describe(judged.Checks[0]), StringComparison.Ordinal);
        Assert.False(judged.Reproduced);
    }

    /// <summary>An sd from 3 seeds is uncertain: 5.1 sd is inside Student's t band for 2 degrees of freedom, not the normal 2.77.</summary>
    [Fact]
    public void The_band_widens_when_few_seeds_measured_the_spread()
    {
        Assert.Equal(6.08, SeedSpread.Band(3), 2);
        Assert.Equal(4.50, SeedSpread.Band(4), 2);
        Assert.Equal(2.77, SeedSpread.Band(10_000), 2);
        using var dir = new TempDir();
        Study(dir.Combine("study"), "final", sd: 0.005);
        var judged = SeedSpread.Find(dir.Combine("final"), "final", dir.Combine("study"))!.Judge(Rerun(0.0256));
        Assert.Equal(Verdict.WithinSeedSpread, judged.Checks[0].Verdict);
    }

    [Fact]
    public void A_study_of_another_experiment_is_not_used()
    {
        using var dir = new TempDir();
        Study(dir.Combine("other"), "base", sd: 0.05);
        Assert.Null(SeedSpread.Find(dir.Combine("final"), "final", null));
        Assert.Throws<BadInputException>(() => SeedSpread.Find(dir.Combine("final"), "final", dir.Combine("other")));
    }
}
