using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Running;

/// <summary>The Test split is for the final answer only: no choice the tool makes may move when only Test's labels change.</summary>
public class TestSplitIsolationTests
{
    private const string Yaml = """
        name: isolated
        seed: 9
        device: cpu
        data: { train: Train, test: Test, image_size: [32, 32], validation_split: 0.25 }
        steps:
          - name: best
            model: { arch: seed-cnn }
            train: { epochs: 4, batch_size: 8, keep: best }
          - name: last
            model: { arch: seed-cnn, dropout: 0.2 }
            train: { epochs: 3, batch_size: 8 }
        evaluation: { positive_class: class_0, bootstrap: 20 }
        """;

    [Fact]
    public void Relabelling_the_test_images_changes_no_epoch_threshold_weight_or_validation_figure()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 12, size: 32);
        SyntheticImages.WriteDataset(dir.Combine("data", "Test"), classes: 3, perClass: 4, size: 32);
        var a = ExperimentRunner.Run(ExperimentLoader.Parse(Yaml, "isolated.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("a"), Sink = ReportSink.Instance });

        // The same test pictures under other labels: class_0's go to class_1 and class_1's to class_0.
        var test = dir.Combine("data", "Test");
        Directory.Move(Path.Combine(test, "class_0"), Path.Combine(test, "swap"));
        Directory.Move(Path.Combine(test, "class_1"), Path.Combine(test, "class_0"));
        Directory.Move(Path.Combine(test, "swap"), Path.Combine(test, "class_1"));
        var b = ExperimentRunner.Run(ExperimentLoader.Parse(Yaml, "isolated.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("b"), Sink = ReportSink.Instance });

        foreach (var (x, y) in a.Steps.Zip(b.Steps))
        {
            Assert.Equal(x.Kept.Epoch, y.Kept.Epoch);
            Assert.Equal(x.Epochs.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)), y.Epochs.Select(e => (e.TrainLoss, e.ValLoss, e.ValAccuracy)));
            Assert.Equal(x.WeightsSha256, y.WeightsSha256);
            Assert.Equal(x.Validation.Metrics.Accuracy, y.Validation.Metrics.Accuracy);
            Assert.Equal(x.Validation.Positive!.YoudenThreshold, y.Validation.Positive!.YoudenThreshold);
            // Test is scored at validation's threshold, so that too is unchanged; only the test figures move.
            Assert.Equal(x.Test!.Positive!.Operating!.Threshold, y.Test!.Positive!.Operating!.Threshold);
            Assert.Equal(x.Validation.Positive.YoudenThreshold, x.Test.Positive.Operating.Threshold);
            // The same picture gets the same answer (paired by file: the swap moved each picture to the other folder).
            static string Back(string file) => file.Replace("/class_0/", "/swap/", StringComparison.Ordinal).Replace("/class_1/", "/class_0/", StringComparison.Ordinal).Replace("/swap/", "/class_1/", StringComparison.Ordinal);
            var before = x.TestFiles.Zip(x.Test.Predictions).ToDictionary(p => p.First, p => p.Second);
            var after = y.TestFiles.Zip(y.Test.Predictions).ToDictionary(p => Back(p.First), p => p.Second);
            Assert.Equal(before.OrderBy(p => p.Key, StringComparer.Ordinal), after.OrderBy(p => p.Key, StringComparer.Ordinal));
            // And the relabelling took: 8 of the 12 pictures now carry another label.
            var labelBefore = x.TestFiles.Zip(x.Test.Labels).ToDictionary(p => p.First, p => p.Second);
            Assert.Equal(8, y.TestFiles.Zip(y.Test.Labels).Count(p => labelBefore[Back(p.First)] != p.Second));
        }
        Assert.Equal(a.Comparisons.Where(c => c.Set == "validation").Select(c => c.Test.PValue), b.Comparisons.Where(c => c.Set == "validation").Select(c => c.Test.PValue));
    }
}
