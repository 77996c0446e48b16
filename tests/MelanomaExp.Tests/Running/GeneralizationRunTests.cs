using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Running;

public class GeneralizationRunTests
{
    // Synthetic files are img_000 .. img_011 per class: the pattern's capture (the middle digit) makes
    // img_00x group "0" (10 per class) and img_01x group "1" (2 per class); group "1" is held out for validation.
    private const string Yaml = """
        name: gen
        seed: 3
        device: cpu
        data:
          train: Train
          image_size: [32, 32]
          groups: { pattern: 'img_0(\d)' }
          validation: { by: group, hold_out: ['1'] }
        steps:
          - name: remedies
            model: { arch: resnet-small }
            preprocess: { colour_constancy: 6, standardize: true }
            augment: { flip: horizontal, hue: 0.05, saturation: 0.2, crop_scale: 0.7 }
            train: { epochs: 1, batch_size: 8, class_weights: balanced, label_smoothing: 0.1 }
            evaluate: { tta: flips }
        evaluation: { bootstrap: 20 }
        """;

    // The data root is a sibling of the output: the tool refuses to write inside the data folder.
    [Fact]
    public void A_held_out_group_validates_and_the_report_shows_groups_and_per_group_results()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 12, size: 32);
        var experiment = ExperimentLoader.Parse(Yaml, "gen.yaml");
        var run = ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });

        Assert.Equal(new[] { 30, 6 }, new[] { run.Dataset.TrainCounts.Sum(), run.Dataset.ValidationCounts.Sum() });
        var byGroup = Assert.Single(run.Steps[0].Validation.ByGroup!);
        Assert.Equal(("1", 6), (byGroup.Group, byGroup.Images));
        Assert.Equal(new[] { "0", "1" }, run.Dataset.Groups!.Groups);
        // The synthetic classes are spread evenly over both groups: no association, no warning.
        Assert.Equal(0, run.Dataset.Groups.CramersV, 9);

        var readme = File.ReadAllText(dir.Combine("out", "README.md"));
        Assert.Contains("## Groups", readme, StringComparison.Ordinal);
        Assert.Contains("### Results by group", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("a model may learn the collection", readme, StringComparison.Ordinal);
        Assert.Contains("colour_constancy: 6", readme, StringComparison.Ordinal);
        using var metrics = JsonDocument.Parse(File.ReadAllText(dir.Combine("out", "metrics.json")));
        Assert.Equal(6, metrics.RootElement.GetProperty("steps")[0].GetProperty("validation").GetProperty("by_group")[0].GetProperty("images").GetInt32());

        // The saved model carries its preprocessing: loaded again, it reproduces the run's validation probabilities.
        var (card, model) = ModelBundle.Load(dir.Combine("out", "models", "remedies"));
        using (model)
        {
            Assert.Equal((6.0, true, "resnet-small"), (card.ColourConstancy, card.Standardize, card.Arch));
            Assert.IsType<MelanomaExp.Preprocessing.Preprocessed>(model);
        }
    }

    [Fact]
    public void Images_of_a_confounded_collection_raise_the_warning()
    {
        using var dir = new TempDir();
        // Class 0's files are in group "0" only, class 1's in group "1" only (renamed below).
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 2, perClass: 10, size: 16);
        foreach (var file in Directory.GetFiles(dir.Combine("data", "Train", "class_1")))
        {
            File.Move(file, Path.Combine(Path.GetDirectoryName(file)!, "x" + Path.GetFileName(file).Replace("img_0", "img_1", StringComparison.Ordinal)));
        }
        var yaml = Yaml.Replace("validation: { by: group, hold_out: ['1'] }", "validation_split: 0.3", StringComparison.Ordinal)
            .Replace("img_0(\\d)", "img_(\\d)", StringComparison.Ordinal)
            .Replace("image_size: [32, 32]", "image_size: [16, 16]", StringComparison.Ordinal)
            .Replace("arch: resnet-small", "arch: seed-cnn", StringComparison.Ordinal);
        var run = ExperimentRunner.Run(ExperimentLoader.Parse(yaml, "gen.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });
        Assert.Equal(1, run.Dataset.Groups!.CramersV, 9);
        Assert.Contains("the collection predicts the class: a model may learn the collection", File.ReadAllText(dir.Combine("out", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_with_test_time_augmentation_is_reused_when_unchanged()
    {
        // Reuse re-evaluates the kept weights against the history's validation accuracy, which has no TTA;
        // checked with TTA, the figures would differ and the step would be trained again for nothing.
        // The two classes are mirror images (bright left half, bright right half): averaged over flips,
        // every image looks alike, so TTA's accuracy is far from the plain one the history records.
        using var dir = new TempDir();
        var rng = new Random(5);
        for (var c = 0; c < 2; c++)
        {
            var folder = Directory.CreateDirectory(dir.Combine("data", "Train", $"class_{c}")).FullName;
            for (var i = 0; i < 20; i++)
            {
                using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(16, 16);
                for (var y = 0; y < 16; y++)
                {
                    for (var x = 0; x < 16; x++)
                    {
                        var level = (byte)(((x < 8) == (c == 0) ? 200 : 40) + rng.Next(20));
                        image[x, y] = new SixLabors.ImageSharp.PixelFormats.Rgb24(level, level, level);
                    }
                }
                SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, Path.Combine(folder, $"img_{i:D3}.png"));
            }
        }
        const string Mirror = """
            name: mirror
            seed: 3
            device: cpu
            data: { train: Train, image_size: [16, 16], validation_split: 0.3 }
            steps:
              - name: tta
                model: { arch: seed-cnn }
                train: { epochs: 4, batch_size: 8, learning_rate: 0.003 }
                evaluate: { tta: flips }
            evaluation: { bootstrap: 20 }
            """;
        var options = new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance };
        var first = ExperimentRunner.Run(ExperimentLoader.Parse(Mirror, "mirror.yaml"), options);
        var step = first.Steps[0];
        Assert.NotEqual(step.Epochs[^1].ValAccuracy, step.Validation.Metrics.Accuracy);

        var again = ExperimentRunner.Run(ExperimentLoader.Parse(Mirror, "mirror.yaml"), options);
        Assert.StartsWith("unchanged since the previous report", again.Provenance!.Steps[0].Reused, StringComparison.Ordinal);
        Assert.Equal(step.WeightsSha256, again.Steps[0].WeightsSha256);
        Assert.Equal(step.Validation.Metrics.Accuracy, again.Steps[0].Validation.Metrics.Accuracy);
    }
}
