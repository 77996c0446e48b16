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
}
