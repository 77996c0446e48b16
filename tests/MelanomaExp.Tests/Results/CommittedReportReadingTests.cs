using System.Text.Json;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

/// <summary>
/// The reader against committed reports of real runs: every value it gives is checked against the raw
/// JSON, read here with JsonDocument at the paths written out by hand (an oracle independent of ReportJson).
/// </summary>
public class CommittedReportReadingTests
{
    [Theory]
    [InlineData("smoke")]
    public void Reads_a_committed_report_as_its_raw_json_says(string name)
    {
        var dir = Path.Combine(RepoPaths.Root, "reports", name);
        using var metricsDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        using var manifestDoc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")));
        var (metrics, manifest) = (metricsDoc.RootElement, manifestDoc.RootElement);
        var rawSteps = metrics.GetProperty("steps").EnumerateArray().ToList();
        var recorded = manifest.GetProperty("steps").EnumerateArray().ToList();

        var report = ReportFolder.Read(dir);

        Assert.Equal(manifest.GetProperty("experiment").GetProperty("name").GetString(), report.ExperimentName);
        Assert.Equal(manifest.GetProperty("experiment").GetProperty("hash").GetString(), report.ExperimentHash);
        Assert.Equal(manifest.GetProperty("data").GetProperty("train").GetProperty("fingerprint").GetString(), report.TrainData!.Fingerprint);
        Assert.Equal(
            manifest.GetProperty("data").GetProperty("train").GetProperty("per_class").EnumerateObject().Sum(p => p.Value.GetInt32()),
            report.TrainData.PerClass.Values.Sum());
        Assert.Equal(manifest.GetProperty("environment").GetProperty("cpu").GetString(), report.Machine.Cpu);
        Assert.Equal(manifest.GetProperty("environment").GetProperty("torch_threads").GetInt32(), report.Machine.Threads);
        Assert.Contains(("TorchSharp", manifest.GetProperty("packages").GetProperty("TorchSharp").GetString()!), report.Provenance);
        Assert.Equal(rawSteps[0].GetProperty("validation").GetProperty("positive_class").GetProperty("class").GetString(), report.PositiveClass);
        Assert.Equal(rawSteps.Select(s => s.GetProperty("name").GetString()), report.Steps.Select(s => s.Name));
        for (var i = 0; i < rawSteps.Count; i++)
        {
            var (raw, step) = (rawSteps[i], report.Steps[i]);
            Assert.Equal(recorded[i].GetProperty("key").GetString(), step.Key);
            Assert.Equal(recorded[i].GetProperty("weights_sha256").GetString(), step.WeightsSha256);
            Assert.Equal(raw.GetProperty("seconds").GetDouble(), step.Seconds);
            var epochs = raw.GetProperty("epochs").EnumerateArray().ToList();
            Assert.Equal(epochs.Select(e => e.GetProperty("val_accuracy").GetDouble()), step.Epochs.Select(e => e.ValAccuracy));
            Assert.Equal(epochs.Select(e => e.GetProperty("train_loss").GetDouble()), step.Epochs.Select(e => e.TrainLoss));
            Assert.Equal(raw.GetProperty("final").GetProperty("val_loss").GetDouble(), ReportMetric.Named("val_loss").Read(step.Metrics));
            Assert.Equal(raw.GetProperty("validation").GetProperty("accuracy").GetDouble(), ReportMetric.Named("val_accuracy").Read(step.Metrics));
            Assert.Equal(
                raw.GetProperty("validation").GetProperty("positive_class").GetProperty("roc_auc").GetProperty("value").GetDouble(),
                ReportMetric.Named("val_positive_auc").Read(step.Metrics));
            Assert.Null(ReportMetric.Named("test_accuracy").Read(step.Metrics));
            Assert.Equal(Path.Combine(dir, "models", step.Name, "weights.pt"), report.WeightsPath(step.Name));
        }
    }

    [Fact]
    public void A_missing_or_damaged_file_is_an_error_naming_that_file()
    {
        using var dir = new TempDir();
        var smoke = Path.Combine(RepoPaths.Root, "reports", "smoke");
        foreach (var file in new[] { "metrics.json", "manifest.json" })
        {
            File.Copy(Path.Combine(smoke, file), dir.Combine(file));
        }
        Assert.Equal("smoke", ReportFolder.Read(dir.Path).ExperimentName);

        File.Delete(dir.Combine("manifest.json"));
        var missing = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Path));
        Assert.StartsWith(dir.Combine("manifest.json") + ": missing", missing.Message, StringComparison.Ordinal);
        Assert.Null(ReportFolder.TryRead(dir.Path));

        File.Copy(Path.Combine(smoke, "manifest.json"), dir.Combine("manifest.json"));
        File.WriteAllText(dir.Combine("metrics.json"), File.ReadAllText(Path.Combine(smoke, "metrics.json"))[..200]);
        var damaged = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Path));
        Assert.StartsWith(dir.Combine("metrics.json") + ": not valid JSON", damaged.Message, StringComparison.Ordinal);

        var gone = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Combine("nothing-here")));
        Assert.Contains("nothing-here: report folder not found", gone.Message, StringComparison.Ordinal);
    }
}
