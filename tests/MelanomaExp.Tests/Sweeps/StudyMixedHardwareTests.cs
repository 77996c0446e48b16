using MelanomaExp.Sweeps;

namespace MelanomaExp.Tests.Sweeps;

public class StudyMixedHardwareTests
{
    private static MachineUse Machine(int threads, string run) => new("host", "AMD EPYC", 2, threads, "cpu", [run]);

    [Fact]
    public void Runs_with_one_and_two_torch_threads_on_one_cpu_are_mixed_hardware()
    {
        Assert.True(Study.IsMixed([Machine(1, "seed1"), Machine(2, "seed2")]));
        Assert.False(Study.IsMixed([Machine(2, "seed1"), Machine(2, "seed2")]));
    }

    [Fact]
    public void Two_cpus_of_one_name_but_another_microarchitecture_are_mixed_hardware()
    {
        var zen4 = Machine(2, "seed1") with { Numerics = "cpu;AMD EPYC;AuthenticAMD family 25 model 17;avx512;avx512_bf16;2;2.10.0" };
        var zen5 = Machine(2, "seed2") with { Numerics = "cpu;AMD EPYC;AuthenticAMD family 26 model 2;avx512;avx512_bf16;2;2.10.0" };
        Assert.True(Study.IsMixed([zen4, zen5]));
        Assert.False(Study.IsMixed([zen4, zen4 with { Runs = ["seed3"] }]));
    }
}
