using System.Text.Json;
using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Benchmarking;

public class BenchCommandTests
{
    private static string Experiment(TempDir dir)
    {
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 12, size: 32, jpeg: true);
        var file = dir.Combine("bench.yaml");
        File.WriteAllText(file, """
            name: bench-test
            seed: 1
            data: { root: data, image_size: [32, 32], validation_split: 0.25 }
            steps:
              - name: augmented
                model: { arch: seed-cnn, dropout: 0.2 }
                augment: { flip: horizontal, rotation: 0.1 }
                train: { epochs: 1, batch_size: 8 }
            """);
        return file;
    }

    [Fact]
    public void Quick_bench_of_a_real_step_writes_markdown_and_json_with_the_headline_figures()
    {
        using var dir = new TempDir();
        var file = Experiment(dir);
        var output = dir.Combine("bench");
        var (code, stdout, err) = RunCli("bench", file, "--data-root", dir.Combine("data"), "--quick", "--epochs", "2", "--output", output, "--device", "cpu");
        Assert.True(code == 0, err);
        Assert.Contains("| channels_last |", stdout, StringComparison.Ordinal);
        Assert.Contains("| channels_last, the step's model (seed-cnn, dropout 0.2) |", stdout, StringComparison.Ordinal);
        Assert.Contains("## Real epochs: step 'augmented' of " + file + " (train.precision fp32, ", stdout, StringComparison.Ordinal);
        Assert.Equal(stdout[..stdout.IndexOf("written:", StringComparison.Ordinal)], File.ReadAllText(Path.Combine(output, "BENCH.md")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "BENCH.json")));
        var root = json.RootElement;
        Assert.True(root.GetProperty("train_images_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("peak_fraction").GetDouble() > 0);
        Assert.True(root.GetProperty("epoch_overhead_fraction").GetDouble() > -1);
        Assert.Equal(MelanomaExp.Provenance.CpuFeatures.Current.HasBf16 ? 4 : 3, root.GetProperty("layouts").GetArrayLength());
        Assert.Equal(root.GetProperty("epoch_reference").GetProperty("train_images_per_s").GetProperty("median").GetDouble(), root.GetProperty("epoch_reference_images_per_s").GetDouble());
        Assert.Equal("channels_last, the step's model (seed-cnn, dropout 0.2)", root.GetProperty("epoch_reference").GetProperty("layout").GetString());
        Assert.True(root.GetProperty("peak_rss_bytes").GetInt64() > 10 << 20);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("peer_ratio").ValueKind);
        var epochs = root.GetProperty("epochs");
        Assert.Equal(2, epochs.GetArrayLength());
        // 27 training images: the 32-batch floor raises --quick's eighth to all of them.
        Assert.All(epochs.EnumerateArray(), e => Assert.Equal(27, e.GetProperty("images").GetInt32()));
        Assert.Equal(1.0, root.GetProperty("settings").GetProperty("epoch_fraction").GetDouble());
        Assert.Equal("fp32", root.GetProperty("settings").GetProperty("precision").GetString());
        // The overhead is epoch 2's alone: epoch 1 pays the one-time costs.
        Assert.Equal([2], root.GetProperty("epoch_overhead_epochs").EnumerateArray().Select(e => e.GetInt32()));
        var second = epochs[1];
        var step = second.GetProperty("forward_backward_s").GetDouble() + second.GetProperty("optimizer_s").GetDouble();
        var expected = (second.GetProperty("wall_s").GetDouble() - step) / step;
        Assert.Equal(expected, root.GetProperty("epoch_overhead_fraction").GetDouble(), 9);
        Assert.Equal(expected, second.GetProperty("overhead_fraction").GetDouble(), 9);
        Assert.Equal(27 / step, root.GetProperty("in_loop_step_images_per_s").GetDouble(), 9);
        Assert.All(epochs.EnumerateArray(), e => Assert.True(e.GetProperty("wall_s").GetDouble() >= e.GetProperty("forward_backward_s").GetDouble()));
        Assert.True(root.GetProperty("data").GetProperty("augmentation_images_per_s").GetProperty("median").GetDouble() > 0);
    }

    [Fact]
    public void Bad_bench_input_exits_2_and_names_the_problem_before_measuring()
    {
        using var dir = new TempDir();
        var file = Experiment(dir);
        var epochs = RunCli("bench", file, "--epochs", "0");
        Assert.Equal(2, epochs.Code);
        Assert.Contains("--epochs: must be a whole number from 1 to 100, got '0'", epochs.Err, StringComparison.Ordinal);

        var step = RunCli("bench", file, "--data-root", dir.Combine("data"), "--step", "nope", "--quick");
        Assert.Equal(2, step.Code);
        Assert.Contains($"{file}: --step: no step named 'nope' (steps: augmented)", step.Err, StringComparison.Ordinal);

        // The epochs train in the step's own precision, as its run would: fp16 is refused on the CPU, as run refuses it.
        var precision = RunCli("bench", file, "--data-root", dir.Combine("data"), "--quick", "--epochs", "1", "--device", "cpu", "--set", "steps.augmented.train.precision=fp16");
        Assert.Equal(2, precision.Code);
        Assert.Contains("train.precision: fp16 runs only on a CUDA device", precision.Err, StringComparison.Ordinal);

        var peer = RunCli("bench", "--peer", dir.Combine("missing.py"));
        Assert.Equal(2, peer.Code);
        Assert.Contains($"{dir.Combine("missing.py")}: --peer: reference script not found", peer.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("bench")));
    }
}
