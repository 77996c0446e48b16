using MelanomaExp.Config;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Data.Audit;

/// <summary>The cross-split audit: test images that are copies of training images, told apart by label.</summary>
public class TrainTestCopiesTests
{
    [Fact]
    public void A_test_copy_with_the_same_label_is_a_leak_and_with_another_a_conflict_and_both_are_named()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 6, size: 32);
        SyntheticImages.WriteDataset(dir.Combine("data", "Test"), classes: 3, perClass: 1, size: 32, seed: 99);
        // The same picture as a training class_0 image, filed under class_1 in Test; and a class_1 one under class_1.
        File.Copy(dir.Combine("data", "Train", "class_0", "img_002.png"), dir.Combine("data", "Test", "class_1", "copy_other.png"));
        File.Copy(dir.Combine("data", "Train", "class_1", "img_003.png"), dir.Combine("data", "Test", "class_1", "copy_same.png"));
        var experiment = ExperimentLoader.Parse("""
            name: copies
            seed: 1
            device: cpu
            data: { train: Train, test: Test, image_size: [32, 32], validation_split: 0.25 }
            steps:
              - name: base
                model: { arch: seed-cnn }
                train: { epochs: 1, batch_size: 8 }
            """, "copies.yaml");
        var audit = PreparedData.Load(experiment, dir.Combine("data")).Audit!;
        Assert.Equal(2, audit.TrainTestPairs);
        var conflict = Assert.Single(audit.TrainTestCopies, c => !c.SameLabel);
        Assert.Equal(("copy_other.png", "class_1", "img_002.png", "class_0", true), (Path.GetFileName(conflict.TestFile), conflict.TestClass, Path.GetFileName(conflict.TrainFile), conflict.TrainClass, conflict.Exact));
        var leak = Assert.Single(audit.TrainTestCopies, c => c.SameLabel);
        Assert.Equal("copy_same.png", Path.GetFileName(leak.TestFile));

        var md = new System.Text.StringBuilder();
        MelanomaExp.Reporting.AuditMarkdown.Write(md, audit);
        Assert.Contains("| of which another label (a label conflict between the splits) | 1 |", md.ToString(), StringComparison.Ordinal);
        Assert.Contains("| copy_other.png | class_1 | img_002.png | class_0 | identical, conflict |", md.ToString(), StringComparison.Ordinal);

        // The report scores Test with and without the copies, at the same threshold.
        var run = ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = MelanomaExp.Reporting.ReportSink.Instance });
        var step = run.Steps[0];
        Assert.Equal(5, step.Test!.Images);
        Assert.Equal(3, step.TestWithoutTrainCopies!.Images);
        Assert.Equal(step.Test.Positive?.Operating?.Threshold, step.TestWithoutTrainCopies.Positive?.Operating?.Threshold);
        Assert.Contains("| base | test without training copies | 3 |", File.ReadAllText(dir.Combine("out", "README.md")), StringComparison.Ordinal);
        Assert.Contains("\"test_without_train_copies\": {", File.ReadAllText(dir.Combine("out", "metrics.json")), StringComparison.Ordinal);

        // test_copies: exclude leaves the copies out of every Test figure and of predictions.csv's test rows.
        var excluded = ExperimentRunner.Run(
            ExperimentLoader.Parse(experiment.ResolvedYaml, "copies.yaml", ["data.audit.test_copies=exclude"]),
            new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("excluded"), Sink = MelanomaExp.Reporting.ReportSink.Instance }).Steps[0];
        Assert.Equal(3, excluded.Test!.Images);
        Assert.Null(excluded.TestWithoutTrainCopies);
        Assert.Equal(3, excluded.TestFiles.Count);
        Assert.DoesNotContain(excluded.TestFiles, f => f.Contains("copy_", StringComparison.Ordinal));
        Assert.Equal(step.TestWithoutTrainCopies.Metrics.Accuracy, excluded.Test.Metrics.Accuracy);
    }
}
