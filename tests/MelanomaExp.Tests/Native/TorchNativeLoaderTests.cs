using System.Text;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Native;

public class TorchNativeLoaderTests
{
    [Fact]
    public void Patches_exactly_when_the_system_libstdcxx_lacks_the_version_and_torch_then_works()
    {
        var result = TorchNativeLoader.EnsureLoaded();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal(NativeLoadMode.Default, result.Mode);
            return;
        }
        var expected = SystemHasVersion(TorchNativeLoader.MissingVersion) ? NativeLoadMode.Original : NativeLoadMode.Patched;
        Assert.Equal(expected, result.Mode);
        using var t = ones(2, 3) * 2;
        Assert.Equal(12f, t.sum().item<float>());
    }

    private static bool SystemHasVersion(string version)
    {
        var lib = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6" }
            .First(File.Exists);
        var text = Encoding.ASCII.GetString(File.ReadAllBytes(lib));
        return text.Contains(version + "\0", StringComparison.Ordinal);
    }
}
