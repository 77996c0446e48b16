using System.Text.Json;
using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportWriterTests
{
    [Fact]
    public void Writes_every_file_with_the_contracted_metrics_fields()
    {
        using var dir = new TempDir();
        ReportWriter.Write(FixedRun.Create(), dir.Path);
        foreach (var file in new[] { "README.md", "metrics.json", "history.csv", "class-distribution.png", "samples.png", "base-accuracy.png", "base-loss.png" })
        {
            Assert.True(new FileInfo(dir.Combine(file)).Length > 0, file);
        }
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("metrics.json")));
        var step = json.RootElement.GetProperty("steps")[0];
        Assert.Equal("fixed", json.RootElement.GetProperty("experiment").GetProperty("name").GetString());
        Assert.Equal("base", step.GetProperty("name").GetString());
        var epoch = step.GetProperty("epochs")[1];
        foreach (var field in new[] { "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "seconds" })
        {
            Assert.True(epoch.TryGetProperty(field, out _), field);
        }
        Assert.Equal(0.875, step.GetProperty("final").GetProperty("train_accuracy").GetDouble());
        Assert.Equal(0.5, step.GetProperty("final").GetProperty("val_accuracy").GetDouble());
        Assert.Equal(0.9, step.GetProperty("final").GetProperty("val_loss").GetDouble());
        var validation = step.GetProperty("validation");
        Assert.Equal(2 / 3.0, validation.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(0.5, validation.GetProperty("positive_class").GetProperty("sensitivity").GetProperty("value").GetDouble());
        Assert.Equal(1.0, validation.GetProperty("positive_class").GetProperty("roc_auc").GetProperty("value").GetDouble());
        Assert.Equal(0.5, step.GetProperty("test").GetProperty("accuracy").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("steps")[1].GetProperty("test").ValueKind);
        Assert.Equal(1, json.RootElement.GetProperty("comparisons")[0].GetProperty("only_second_right").GetInt32());
        Assert.True(File.Exists(dir.Combine("base-validation-confusion.png")));
        // The fixture's sets have 1-2 images of a side: too few for an ROC (BinaryEvaluation.MinPerSide).
        Assert.False(File.Exists(dir.Combine("roc-steps.png")));
        Assert.True(File.Exists(dir.Combine("reliability-steps.png")));
        Assert.True(File.Exists(dir.Combine("precision-recall-steps.png")));
        // The second melanoma was called seborrheic keratosis; melanoma called nevus never happened, so it has no picture.
        Assert.True(File.Exists(dir.Combine("mistakes/base-melanoma-as-seborrheic-keratosis.png")));
        Assert.False(File.Exists(dir.Combine("mistakes/base-melanoma-as-nevus.png")));
        Assert.True(File.Exists(dir.Combine("dropout-gradcam.png")));
        // Melanoma scores 0.9 and 0.35 for the two melanomas, 0.2 for the nevus: both ranked first, AP 1.
        Assert.Equal(1.0, validation.GetProperty("positive_class").GetProperty("average_precision").GetProperty("value").GetDouble(), 12);
        // Validation top probabilities 0.9 (right), 0.45 (wrong), 0.7 (right), one per bin: ECE (0.1 + 0.45 + 0.3) / 3.
        var calibration = validation.GetProperty("calibration");
        Assert.Equal(10, calibration.GetProperty("bins").GetInt32());
        Assert.Equal(0.85 / 3, calibration.GetProperty("expected_calibration_error").GetDouble(), 6);
        Assert.Equal(10, calibration.GetProperty("reliability").GetArrayLength());
        Assert.Equal(["seborrheic keratosis"], validation.GetProperty("classes_left_out_of_macro_averages").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, validation.GetProperty("per_class")[2].GetProperty("recall").ValueKind);
        Assert.Equal(0.9, step.GetProperty("train_evaluation_mode").GetProperty("accuracy").GetDouble());
        Assert.True(File.Exists(dir.Combine("dropout-generated.png")));
        Assert.True(File.Exists(dir.Combine("audit-pairs.png")));
        var audit = json.RootElement.GetProperty("audit");
        Assert.Equal(2, audit.GetProperty("label_conflict_pairs").GetInt32());
        Assert.Equal("group", audit.GetProperty("policy").GetProperty("leakage").GetString());
    }
}
