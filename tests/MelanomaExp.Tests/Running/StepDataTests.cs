using MelanomaExp.Config;
using MelanomaExp.Running;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Running;

public class StepDataTests
{
    private static (PreparedData, Experiment) Prepare(TempDir dir, string scope, double probability = 1)
    {
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 2, perClass: 10, size: 16);
        var experiment = ExperimentLoader.Parse($$"""
            name: t
            seed: 3
            data: { train: Train, image_size: [16, 16], validation_split: 0.2 }
            steps:
              - name: r
                model: { arch: seed-cnn }
                train: { epochs: 1 }
                rebalance:
                  samples_per_class: 10
                  scope: {{scope}}
                  pipeline:
                    - rotate: { probability: {{probability}}, max_left: 10, max_right: 10 }
            """, "t.yaml");
        return (PreparedData.Load(experiment, dir.Path), experiment);
    }

    [Fact]
    public void Train_split_scope_adds_generated_images_to_training_only()
    {
        using var dir = new TempDir();
        var (data, experiment) = Prepare(dir, "train-split");
        var step = StepData.For(experiment.Steps[0], data, experiment, new Seeds(3), dir.Combine("cache"));
        Assert.Equal(data.Split.Validation, step.Split.Validation);
        Assert.Equal(data.Split.Train.Length + 20, step.Split.Train.Length);
        Assert.All(step.Split.Train.Where(i => i >= data.Train.Count), i => Assert.True(i < step.Store.Count));
        Assert.Equal([8, 8], step.Rebalance!.SourcesPerClass);
        Assert.Equal(0, step.Rebalance.ValidationImagesWithCopyInTraining);
    }

    [Fact]
    public void Source_folder_scope_splits_again_so_generated_copies_reach_validation()
    {
        using var dir = new TempDir();
        var (data, experiment) = Prepare(dir, "source-folder");
        var step = StepData.For(experiment.Steps[0], data, experiment, new Seeds(3), dir.Combine("cache"));
        Assert.Equal(40, step.Store.Count);
        Assert.Equal(8, step.Split.Validation.Length);
        Assert.Equal([10, 10], step.Rebalance!.SourcesPerClass);
        Assert.Contains(step.Split.Validation, i => i >= data.Train.Count);
        Assert.True(step.Rebalance.ValidationImagesWithCopyInTraining > 0);
    }

    [Fact]
    public void The_leak_count_matches_copies_found_by_their_pixels()
    {
        // With probability 0 every generated image is a lossless copy of its source, so which validation
        // images have a copy in training can be found from the pixels alone, without the generator's bookkeeping.
        using var dir = new TempDir();
        var (data, experiment) = Prepare(dir, "source-folder", probability: 0);
        var step = StepData.For(experiment.Steps[0], data, experiment, new Seeds(3), dir.Combine("cache"));
        var store = step.Store;
        var generatedInTraining = step.Split.Train.Where(i => i >= data.Train.Count).Select(i => Convert.ToHexString(store.Image(i))).ToHashSet();
        var expected = step.Split.Validation.Count(i => i < data.Train.Count && generatedInTraining.Contains(Convert.ToHexString(store.Image(i))));
        Assert.True(expected > 0, "the planted case must leak, or the comparison proves nothing");
        Assert.Equal(expected, step.Rebalance!.ValidationImagesWithCopyInTraining);
    }
}
