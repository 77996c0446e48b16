using MelanomaExp.Native;

namespace MelanomaExp.Tests.Native;

public class DeterminismFlagsTests
{
    [Fact]
    public void The_switches_read_back_what_was_set_and_off_restores_libtorch_defaults()
    {
        var before = DeterminismFlags.Read();
        try
        {
            // libtorch's defaults: every switch off. Reading them first shows the getters are wired to real state.
            Assert.Equal(new DeterminismState(false, false, false, false), DeterminismFlags.Set(false));
            Assert.Equal(new DeterminismState(true, false, true, true), DeterminismFlags.Set(true));
            Assert.Equal(new DeterminismState(true, false, true, true), DeterminismFlags.Read());
            Assert.Equal(new DeterminismState(false, false, false, false), DeterminismFlags.Set(false));
        }
        finally
        {
            DeterminismFlags.Set(before.DeterministicAlgorithms);
        }
    }
}
