using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Cli;

public class EvaluateCommandTests
{
    /// <summary>Class folders named as the model's classes, which SyntheticImages numbers.</summary>
    internal static string Data(TempDir dir)
    {
        var data = dir.Combine("data");
        SyntheticImages.WriteDataset(data, classes: 2, perClass: 6, size: 8);
        Directory.Move(Path.Combine(data, "class_0"), Path.Combine(data, "melanoma"));
        Directory.Move(Path.Combine(data, "class_1"), Path.Combine(data, "nevus"));
        return data;
    }

    [Fact]
    public void The_console_labels_the_figures_at_the_threshold_and_as_top_class()
    {
        using var dir = new TempDir();
        var model = Inference.PredictorTests.SaveModel(dir, "melanoma", "nevus");
        var (code, stdout, err) = RunCli("evaluate", "--model", model, "--data", Data(dir), "--output", dir.Combine("eval"), "--bootstrap", "20");
        Assert.True(code == 0, err);
        var lines = stdout.Split(Environment.NewLine);
        // The report's figures are those at the threshold predict uses; the console says which is which.
        Assert.Contains(lines, l => l.StartsWith("melanoma at threshold 0.500 (the model's, which predict uses): sensitivity ", StringComparison.Ordinal) && l.Contains("; AUC ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("melanoma as top class (highest probability): sensitivity ", StringComparison.Ordinal));
    }

    [Fact]
    public void Skipped_images_are_listed_on_the_console_in_the_readme_and_in_metrics_json()
    {
        using var dir = new TempDir();
        var model = Inference.PredictorTests.SaveModel(dir, "melanoma", "nevus");
        var data = Data(dir);
        var bad = Path.Combine(data, "nevus", "broken.jpg");
        File.WriteAllText(bad, "not an image");
        var (code, stdout, err) = RunCli("evaluate", "--model", model, "--data", data, "--output", dir.Combine("eval"), "--bootstrap", "0", "--skip-bad-images");
        Assert.True(code == 0, err);
        Assert.Contains($"skipped (--skip-bad-images): {bad}: not a recognised image format", stdout, StringComparison.Ordinal);
        Assert.Contains($"- `{bad}`: not a recognised image format", File.ReadAllText(dir.Combine("eval", "README.md")), StringComparison.Ordinal);
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.Combine("eval", "metrics.json")));
        var skipped = Assert.Single(metrics.RootElement.GetProperty("skipped_images").EnumerateArray());
        Assert.Equal(bad, skipped.GetProperty("path").GetString());
        Assert.StartsWith("not a recognised image format", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Loose_files_in_the_data_folder_are_noticed_once_by_evaluate_and_by_run()
    {
        using var dir = new TempDir();
        var model = Inference.PredictorTests.SaveModel(dir, "melanoma", "nevus");
        var data = Data(dir);
        File.Copy(Directory.GetFiles(Path.Combine(data, "nevus"))[0], Path.Combine(data, "stray.png"));
        var notice = $"{data}: 1 file(s) directly in this folder belong to no class folder and are ignored: stray.png";

        var evaluate = RunCli("evaluate", "--model", model, "--data", data, "--output", dir.Combine("eval"), "--bootstrap", "0");
        Assert.True(evaluate.Code == 0, evaluate.Err);
        Assert.Single(evaluate.Out.Split(Environment.NewLine), l => l == $"note: {notice}");

        using var outside = new TempDir();
        var run = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", dir.Path, "--set", "data.train=data", "--output", outside.Combine("run"), "--device", "cpu", "--set", "steps.base.train.epochs=1");
        Assert.True(run.Code == 0, run.Err);
        Assert.Single(run.Out.Split(Environment.NewLine), l => l == $"note: {notice}");
    }
}
