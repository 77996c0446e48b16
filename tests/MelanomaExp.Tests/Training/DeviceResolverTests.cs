using MelanomaExp.Config;
using MelanomaExp.Native;
using MelanomaExp.Training;

namespace MelanomaExp.Tests.Training;

public class DeviceResolverTests
{
    [Fact]
    public void Cpu_is_taken_as_asked_with_no_fallback_and_libtorch_switches_left_at_their_defaults()
    {
        var selection = DeviceResolver.Choose(DeviceChoice.Cpu);
        Assert.False(selection.IsCuda);
        Assert.Null(selection.FallbackReason);
        Assert.Equal("cpu/cpu", selection.KeyPart);
        Assert.Equal(new DeterminismState(false, false, false, false), selection.Determinism);
    }

    [Fact]
    public void Auto_on_this_cpu_build_falls_back_and_says_why()
    {
        var selection = DeviceResolver.Choose(DeviceChoice.Auto);
        Assert.False(selection.IsCuda);
        Assert.StartsWith("device: auto chose the CPU: this build uses TorchSharp-cpu", selection.FallbackReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_on_this_cpu_build_is_a_bad_input_naming_the_build_and_the_way_out()
    {
        var e = Assert.Throws<BadInputException>(() => DeviceResolver.Choose(DeviceChoice.Cuda));
        Assert.Contains("TorchSharp-cpu, which has no CUDA support", e.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/publish-cuda.sh", e.Message, StringComparison.Ordinal);
    }
}
