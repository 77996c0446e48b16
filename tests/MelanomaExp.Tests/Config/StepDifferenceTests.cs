using MelanomaExp.Config;

namespace MelanomaExp.Tests.Config;

public class StepDifferenceTests
{
    private const string OneFactor = """
        name: grid
        seed: 1
        data: { train: Train, image_size: [32, 32] }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 3 }
          - name: colour
            model: { arch: seed-cnn }
            preprocess: { colour_constancy: 6, standardize: true }
            train: { epochs: 3 }
          - name: augment
            model: { arch: seed-cnn }
            augment: { flip: horizontal_and_vertical, rotation: 0.2, zoom: 0.2 }
            train: { epochs: 3 }
          - name: dropout
            model: { arch: seed-cnn, dropout: 0.25 }
            train: { epochs: 3 }
        """;

    private const string Stacked = """
        name: stack
        seed: 1
        data: { train: Train, image_size: [32, 32] }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 3 }
          - name: dropout
            model: { arch: seed-cnn, dropout: 0.25 }
            train: { epochs: 3 }
          - name: longer
            model: { arch: seed-cnn, dropout: 0.25 }
            augment: { flip: horizontal }
            train: { epochs: 6 }
        """;

    [Fact]
    public void In_a_one_factor_design_every_step_is_compared_with_the_first_and_differs_from_it_in_one_setting()
    {
        var steps = ExperimentLoader.Parse(OneFactor, "grid.yaml").Steps;
        Assert.Equal([null, 0, 0, 0], Enumerable.Range(0, steps.Count).Select(i => StepDifference.Baseline(steps, i)));
        // A section added is one remedy however many keys it sets; a section both have differs key by key.
        Assert.Equal(["augment"], StepDifference.Between(steps[0], steps[2]).Select(c => c.Key));
        Assert.Equal(["preprocess"], StepDifference.Between(steps[0], steps[1]).Select(c => c.Key));
        var dropout = Assert.Single(StepDifference.Between(steps[0], steps[3]));
        Assert.Equal(new SettingChange("model.dropout", "0", "0.25"), dropout);
    }

    [Fact]
    public void In_a_stacked_design_each_step_is_compared_with_the_one_before_and_every_difference_is_listed()
    {
        var steps = ExperimentLoader.Parse(Stacked, "stack.yaml").Steps;
        Assert.Equal([null, 0, 1], Enumerable.Range(0, steps.Count).Select(i => StepDifference.Baseline(steps, i)));
        Assert.Equal(["augment", "train.epochs"], StepDifference.Between(steps[1], steps[2]).Select(c => c.Key));
        Assert.Empty(StepDifference.Between(steps[1], steps[1]));
    }
}
