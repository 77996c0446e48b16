using MelanomaExp.Config;
using MelanomaExp.Provenance;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Provenance;

/// <summary>
/// Guards <see cref="NumericsVersion"/>: a tiny fixed step's weights, whose sha256 differs between machine kinds (CPU
/// microarchitecture, instruction-set level, torch threads), so one value is kept per kind. A change that moves the
/// bits fails here until the version is bumped and the values are updated in the same change; a machine kind with no
/// value yet is skipped, saying the value to add.
/// </summary>
public class NumericsVersionTests
{
    /// <summary>Per numerics version, the weights sha256 of <see cref="Yaml"/> on each machine kind measured so far.</summary>
    private static readonly Dictionary<(int Version, string Machine), string> Expected = new()
    {
        [(1, "AuthenticAMD family 26 model 2;avx512;threads=2")] = "c92159ae157d2eb917b6a2b2a02ce8ac830cad54c459d52b2b7785573828dede",
    };

    private const string Yaml = """
        name: numerics
        seed: 17
        device: cpu
        data: { train: Train, image_size: [16, 16], validation_split: 0.25 }
        steps:
          - name: tiny
            model: { arch: seed-cnn, dropout: 0.1 }
            augment: { flip: horizontal, rotation: 0.1 }
            train: { epochs: 2, batch_size: 4 }
        evaluation: { bootstrap: 10 }
        """;

    [SkippableFact]
    public void A_tiny_fixed_step_gives_the_weights_recorded_for_this_numerics_version()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 16);
        var run = ExperimentRunner.Run(ExperimentLoader.Parse(Yaml, "numerics.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out") });
        var sha = run.Steps[0].WeightsSha256!;
        var machine = $"{CpuFeatures.Current.Microarchitecture};{CpuFeatures.Current.IsaLevel};threads={TorchSharp.torch.get_num_threads()}";
        Skip.IfNot(Expected.TryGetValue((NumericsVersion.Current, machine), out var expected), $"no weights recorded for numerics version {NumericsVersion.Current} on '{machine}': add [({NumericsVersion.Current}, \"{machine}\")] = \"{sha}\"");
        Assert.True(expected == sha, $"the numerics changed on '{machine}' (weights sha256 {sha}, recorded {expected}): bump NumericsVersion.Current and record the new values in the same change");
    }
}
