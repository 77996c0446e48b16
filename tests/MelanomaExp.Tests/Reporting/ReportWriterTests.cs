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
        Assert.True(File.Exists(dir.Combine("roc-steps.png")));
        Assert.Equal(["seborrheic keratosis"], validation.GetProperty("classes_left_out_of_macro_averages").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, validation.GetProperty("per_class")[2].GetProperty("recall").ValueKind);
        Assert.Equal(0.9, step.GetProperty("train_evaluation_mode").GetProperty("accuracy").GetDouble());
        Assert.True(File.Exists(dir.Combine("dropout-generated.png")));
        Assert.True(File.Exists(dir.Combine("audit-pairs.png")));
        var audit = json.RootElement.GetProperty("audit");
        Assert.Equal(2, audit.GetProperty("label_conflict_pairs").GetInt32());
        Assert.Equal("group", audit.GetProperty("policy").GetProperty("leakage").GetString());
    }

    [Fact]
    public void History_csv_holds_one_row_per_epoch_with_the_json_values()
    {
        var lines = HistoryCsv.Render(FixedRun.Create()).TrimEnd().Split('\n');
        Assert.Equal("step,epoch,train_loss,train_accuracy,val_loss,val_accuracy,seconds,images_per_second", lines[0]);
        Assert.Equal("base,2,0.6,0.875,0.9,0.5,9.75,32.5", lines[2]);
        Assert.Equal(6, lines.Length);
    }
}
