using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Fixtures.CliRunner;

namespace MelanomaExp.Tests.Running;

public class PrecisionRefusalTests
{
    [Fact]
    public void Fp16_on_the_cpu_is_refused_before_anything_is_read_or_written()
    {
        using var dir = new TempDir();
        var file = dir.Combine("half.yaml");
        File.WriteAllText(file, """
            name: half
            seed: 1
            data: { root: nowhere, image_size: [32, 32] }
            steps:
              - name: base
                model: { arch: seed-cnn }
                train: { epochs: 1, batch_size: 8, precision: fp16 }
            """);
        var output = dir.Combine("out");
        var (code, _, err) = RunCli("run", file, "--output", output, "--device", "cpu");
        Assert.Equal(2, code);
        Assert.Contains($"{file}: step 'base': train.precision: fp16 runs only on a CUDA device", err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
