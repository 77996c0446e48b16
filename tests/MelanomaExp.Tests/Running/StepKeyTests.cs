using MelanomaExp.Config;
using MelanomaExp.Provenance;
using MelanomaExp.Running;

namespace MelanomaExp.Tests.Running;

public class StepKeyTests
{
    private const string Yaml = """
        name: k
        seed: 3
        data: { train: Train, image_size: [32, 32] }
        steps:
          - name: only
            model: { arch: seed-cnn }
            train: { epochs: 1, batch_size: 8 }
        """;

    private static readonly DatasetFingerprint Data = new("0123456789abcdef", 10, new Dictionary<string, int> { ["a"] = 10 });

    private static string Key(string device, params string[] overrides)
    {
        var experiment = ExperimentLoader.Parse(Yaml, "k.yaml", overrides);
        return StepKey.For(experiment, experiment.Steps[0], Data, device);
    }

    [Fact]
    public void The_device_and_backend_are_part_of_the_key()
    {
        Assert.Equal(Key("cpu/cpu"), Key("cpu/cpu"));
        Assert.NotEqual(Key("cpu/cpu"), Key("cuda/cuda"));
        // The same CPU device in a CUDA build runs another libtorch build: not the same result either.
        Assert.NotEqual(Key("cpu/cpu"), Key("cpu/cuda"));
    }

    [Fact]
    public void The_step_settings_still_change_the_key_and_the_device_setting_alone_does_not()
    {
        Assert.NotEqual(Key("cpu/cpu"), Key("cpu/cpu", "steps.only.train.epochs=2"));
        // device: is a wish; what the key holds is the device actually used.
        Assert.Equal(Key("cpu/cpu", "device=cpu"), Key("cpu/cpu", "device=auto"));
    }
}
