using MelanomaExp.Config;
using MelanomaExp.Training;

namespace MelanomaExp.Tests.Training;

public class KeptEpochTests
{
    private static EpochRecord E(int epoch, double valLoss) => new(epoch, 1, 0.5, valLoss, 0.5, 1, 1);

    [Fact]
    public void Last_keeps_the_last_epoch_and_best_the_lowest_validation_loss_first_on_ties()
    {
        EpochRecord[] history = [E(1, 2.0), E(2, 1.2), E(3, 1.5), E(4, 1.2)];
        Assert.Equal(4, KeptEpoch.Of(TrainKeep.Last, history));
        Assert.Equal(2, KeptEpoch.Of(TrainKeep.Best, history));
    }

    [Fact]
    public void A_nan_loss_is_never_best()
    {
        Assert.Equal(2, KeptEpoch.Of(TrainKeep.Best, [E(1, double.NaN), E(2, 3.0), E(3, double.NaN)]));
    }

    [Fact]
    public void Keep_parses_best_and_last_and_rejects_anything_else()
    {
        const string yaml = """
            name: k
            seed: 1
            data: { train: Train }
            steps:
              - name: s
                model: { arch: seed-cnn }
                train: { epochs: 2 }
            """;
        var plain = ExperimentLoader.Parse(yaml, "k.yaml");
        Assert.Equal(TrainKeep.Last, plain.Steps[0].Train.Keep);
        Assert.DoesNotMatch(@"\bkeep:", plain.ResolvedYaml);
        var best = ExperimentLoader.Parse(yaml, "k.yaml", ["steps.s.train.keep=best"]);
        Assert.Equal(TrainKeep.Best, best.Steps[0].Train.Keep);
        Assert.Contains("keep: best", best.ResolvedYaml, StringComparison.Ordinal);
        Assert.NotEqual(plain.Hash, best.Hash);
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "k.yaml", ["steps.s.train.keep=first"]));
        Assert.Contains("steps[0].train.keep", e.Message, StringComparison.Ordinal);
    }
}
