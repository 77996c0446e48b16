using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Tests.Fixtures;
using SixLabors.ImageSharp;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Data;

/// <summary>The sample shipped under samples/ that lets smoke.yaml run without downloading anything.</summary>
public class EmbeddedSampleTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "isic-9class-64");

    [Fact]
    public void Sample_has_8_images_of_64x64_in_each_of_the_9_classes_and_a_notice()
    {
        var classes = Directory.GetDirectories(Path.Combine(Sample, "Train")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(9, classes.Length);
        Assert.Contains("melanoma", classes);
        foreach (var c in classes)
        {
            var files = Directory.GetFiles(Path.Combine(Sample, "Train", c!));
            Assert.Equal(8, files.Length);
            foreach (var f in files)
            {
                var info = Image.Identify(f);
                Assert.Equal((64, 64), (info.Width, info.Height));
            }
        }
        var notice = File.ReadAllText(Path.Combine(Sample, "NOTICE.md"));
        Assert.Contains("ISIC Archive", notice, StringComparison.Ordinal);
        Assert.Contains("non-commercial", notice, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Sample_holds_the_first_8_names_of_each_real_class_folder_when_the_real_data_is_present()
    {
        var real = Prerequisite.RealData();
        foreach (var classDir in Directory.GetDirectories(Path.Combine(real, "Train")))
        {
            var expected = Directory.GetFiles(classDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(8);
            var actual = Directory.GetFiles(Path.Combine(Sample, "Train", Path.GetFileName(classDir))).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Smoke_experiment_reads_the_sample_by_default_and_runs_on_it()
    {
        var experiment = ExperimentLoader.Load(RepoPaths.Experiment("smoke.yaml"));
        Assert.Equal("samples/isic-9class-64", experiment.Data.Root);
        using var dir = new TempDir();
        var (code, _, err) = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", Path.Combine(RepoPaths.Root, experiment.Data.Root), "--output", dir.Path, "--device", "cpu", "--set", "steps.base.train.epochs=1");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "metrics.json")));
        Assert.Equal(9, json.RootElement.GetProperty("dataset").GetProperty("classes").GetArrayLength());
        var counts = new[] { "train_counts", "validation_counts" }.Sum(k => json.RootElement.GetProperty("dataset").GetProperty(k).EnumerateArray().Sum(c => c.GetInt32()));
        Assert.Equal(72, counts);
    }
}
