using MelanomaExp.Native;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Native;

public class StaleCudaGuardTests
{
    [Fact]
    public void A_cuda_library_beside_the_application_or_in_its_runtimes_folder_is_found()
    {
        using var dir = new TempDir();
        Assert.Null(StaleCudaGuard.Find([dir.Path]));
        var nested = Directory.CreateDirectory(dir.Combine("runtimes", "linux-x64", "native")).FullName;
        File.WriteAllText(Path.Combine(nested, "libtorch_cpu.so"), "");
        Assert.Null(StaleCudaGuard.Find([dir.Path]));
        File.WriteAllText(Path.Combine(nested, "libc10_cuda.so"), "");
        Assert.Equal(Path.Combine(nested, "libc10_cuda.so"), StaleCudaGuard.Find([dir.Path]));
    }

    [Fact]
    public void A_cpu_build_refuses_a_stale_cuda_library_and_names_it()
    {
        Assert.False(TorchBackendInfo.IsCuda);
        using var dir = new TempDir();
        StaleCudaGuard.Check([dir.Path]);
        File.WriteAllText(dir.Combine("libtorch_cuda.so"), "");
        var e = Assert.Throws<InvalidOperationException>(() => StaleCudaGuard.Check([dir.Path]));
        Assert.Contains(dir.Combine("libtorch_cuda.so"), e.Message, StringComparison.Ordinal);
        Assert.Contains("TorchSharp-cpu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void This_test_build_is_the_cpu_backend_and_its_folder_has_no_cuda_library()
    {
        Assert.Equal("cpu", TorchBackendInfo.Name);
        Assert.Equal("TorchSharp-cpu", TorchBackendInfo.Package);
        Assert.Null(StaleCudaGuard.Find([AppContext.BaseDirectory]));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libtorch_cpu.so")), "the probe looks where the CPU libtorch really is");
    }
}
