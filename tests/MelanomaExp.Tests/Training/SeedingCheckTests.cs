using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class SeedingCheckTests
{
    [Fact]
    public void On_the_cpu_one_seed_repeats_bit_for_bit_and_another_seed_differs()
    {
        var result = SeedingCheck.Run(CPU, 2024);
        Assert.True(result.Repeats, $"{result.FirstSha256} != {result.SecondSha256}");
        Assert.True(result.SeedMatters);
        Assert.True(result.Passed);
        Assert.Matches("^[0-9a-f]{64}$", result.FirstSha256);
        Assert.NotEqual(result.FirstSha256, SeedingCheck.Run(CPU, 2025).FirstSha256);
    }
}
