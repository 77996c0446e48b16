using MelanomaExp.Config;
using MelanomaExp.Running;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Running;

public class DeterminismAuditorTests
{
    private const string Yaml = """
        name: audit
        seed: 5
        device: cpu
        data: { train: Train, image_size: [32, 32], validation_split: 0.25 }
        steps:
          - name: base
            model: { arch: seed-cnn, dropout: 0.2 }
            train: { epochs: 3, batch_size: 8 }
        """;

    [Fact]
    public void Same_seeds_match_and_a_second_pass_on_other_seeds_is_reported_as_a_mismatch()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 3, perClass: 8, size: 32);
        var experiment = ExperimentLoader.Parse(Yaml, "audit.yaml");
        var data = PreparedData.Load(experiment, dir.Path);
        using var source = new BatchSource(data.Train, CPU);
        var step = experiment.Steps[0];

        var same = DeterminismAuditor.Audit(step, data, source, new Seeds(5), CPU);
        Assert.True(same.LossesMatch);
        Assert.True(same.WeightsMatch);
        Assert.Equal(same.FirstWeightsSha256, same.SecondWeightsSha256);

        // The negative case: a second pass that is not the same computation must be caught, losses and weights.
        var other = DeterminismAuditor.Audit(step, data, source, new Seeds(5), CPU, secondSeeds: new Seeds(6));
        Assert.False(other.LossesMatch);
        Assert.False(other.WeightsMatch);
        Assert.NotEqual(other.FirstWeightsSha256, other.SecondWeightsSha256);
    }
}
