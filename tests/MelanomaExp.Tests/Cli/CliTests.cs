using System.Text.Json;
using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Cli;

public class CliTests
{
    [Fact]
    public void Bad_experiment_file_exits_2_naming_file_line_and_key()
    {
        using var dir = new TempDir();
        var file = dir.Combine("bad.yaml");
        File.WriteAllText(file, "name: x\nseed: 1\ndata: { validation_split: 1.5 }\nsteps:\n  - name: a\n    model: { arch: seed-cnn }\n    train: { epochs: 1 }\n");
        var (code, _, err) = RunCli("validate", file);
        Assert.Equal(2, code);
        Assert.Contains($"{file}:3: data.validation_split: must be strictly between 0 and 1, got 1.5", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_and_missing_file_exit_2()
    {
        Assert.Equal(2, RunCli("run", "x.yaml", "--no-such-option").Code);
        var (code, _, err) = RunCli("run", "/nonexistent.yaml");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent.yaml: experiment file not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_data_exits_2_before_training()
    {
        using var dir = new TempDir();
        var (code, _, err) = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", dir.Combine("none"), "--output", dir.Combine("out"), "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains("data folder not found", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [SkippableFact]
    public void An_output_folder_that_cannot_be_written_exits_2_before_training()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 10, size: 40, jpeg: true);
        using var readOnly = new ReadOnlyFolder(dir.Combine("out"));
        var (code, stdout, err) = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", dir.Combine("data"), "--output", readOnly.Path, "--device", "cpu", "--set", "steps.base.train.epochs=1");
        Assert.Equal(2, code);
        Assert.StartsWith($"error: --output {readOnly.Path}: cannot be written", err, StringComparison.Ordinal);
        Assert.DoesNotContain("epoch", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Smoke_experiment_runs_end_to_end_on_synthetic_data()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 10, size: 40, jpeg: true);
        var output = dir.Combine("out");
        var (code, stdout, err) = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", dir.Combine("data"), "--output", output, "--device", "cpu", "--set", "steps.base.train.epochs=2");
        Assert.True(code == 0, err);
        Assert.Contains("base epoch 2", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "metrics.json")));
        Assert.Equal(2, json.RootElement.GetProperty("steps")[0].GetProperty("epochs").GetArrayLength());
        var model = Path.Combine(output, "models", "base");
        Assert.True(File.Exists(Path.Combine(model, "weights.pt")));

        var predict = RunCli("predict", "--model", model, "--json", dir.Combine("data", "Train", "class_1"));
        Assert.True(predict.Code == 0, predict.Err);
        using var predictions = JsonDocument.Parse(predict.Out);
        Assert.Equal(10, predictions.RootElement.GetArrayLength());
        Assert.Equal(3, predictions.RootElement[0].GetProperty("top").GetArrayLength());

        var evaluate = RunCli("evaluate", "--model", model, "--data", dir.Combine("data", "Train"), "--output", dir.Combine("eval"), "--bootstrap", "50");
        Assert.True(evaluate.Code == 0, evaluate.Err);
        using var metrics = JsonDocument.Parse(File.ReadAllText(dir.Combine("eval", "metrics.json")));
        Assert.Equal(30, metrics.RootElement.GetProperty("evaluation").GetProperty("images").GetInt32());

        File.WriteAllText(dir.Combine("bad.jpg"), "not an image");
        var bad = RunCli("predict", "--model", model, dir.Combine("bad.jpg"));
        Assert.Equal(2, bad.Code);
        Assert.Contains("bad.jpg: not a recognised image format", bad.Err, StringComparison.Ordinal);
    }

    /// <summary>The smoke experiment on the real ISIC images, when they are present (CI has them beside the clone).</summary>
    [SkippableFact]
    public void Smoke_experiment_runs_on_the_real_images_when_present()
    {
        var data = Prerequisite.RealData();
        using var dir = new TempDir();
        var (code, _, err) = RunCli("run", RepoPaths.Experiment("smoke.yaml"), "--data-root", data, "--output", dir.Path, "--device", "cpu");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "metrics.json")));
        var step = json.RootElement.GetProperty("steps")[0];
        Assert.Equal(9, json.RootElement.GetProperty("dataset").GetProperty("classes").GetArrayLength());
        var epochs = step.GetProperty("epochs");
        Assert.True(epochs[epochs.GetArrayLength() - 1].GetProperty("train_loss").GetDouble() < epochs[0].GetProperty("train_loss").GetDouble());
    }

    [Fact]
    public void Audit_prints_json_counts_and_refuses_a_missing_folder()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 2, perClass: 3, size: 16);
        File.Copy(dir.Combine("data", "Train", "class_0", "img_000.png"), dir.Combine("data", "Train", "class_1", "copy.png"));
        var (code, stdout, err) = RunCli("audit", dir.Combine("data", "Train"), "--json");
        Assert.True(code == 0, err);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(7, json.RootElement.GetProperty("images").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("exact_duplicate_pairs").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("label_conflict_pairs").GetInt32());
        Assert.Equal(2, RunCli("audit", dir.Combine("missing")).Code);
    }
}
