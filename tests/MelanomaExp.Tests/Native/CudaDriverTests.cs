using System.Runtime.InteropServices;
using MelanomaExp.Native;

namespace MelanomaExp.Tests.Native;

public class CudaDriverTests
{
    [Fact]
    public void The_probe_reports_what_the_driver_library_says_or_that_it_is_missing()
    {
        var info = CudaDriver.Probe();
        if (!NativeLibrary.TryLoad("libcuda.so.1", out _))
        {
            // The machines these tests run on in CI have no NVIDIA driver.
            Assert.False(info.Usable);
            Assert.Empty(info.Devices);
            Assert.Contains("no NVIDIA driver: libcuda.so.1", info.Problem, StringComparison.Ordinal);
            Assert.Equal(info.Problem, info.ToString());
            return;
        }
        Assert.Matches(@"^\d+\.\d+$", info.CudaVersion!);
        Assert.All(info.Devices, d => Assert.Matches(@"^\d+\.\d+$", d.ComputeCapability));
        Assert.Equal(info.Devices.Count > 0, info.Usable);
    }
}
