using MelanomaExp.Native;

namespace MelanomaExp.Tests.Native;

public class ElfVersionPatcherTests
{
    /// <summary>The real TorchSharp bridge shipped beside the test binaries (Linux x64 builds).</summary>
    private static string? Bridge() => new[]
    {
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
        Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
    }.FirstOrDefault(File.Exists);

    [Fact]
    public void Marks_only_the_named_requirement_weak()
    {
        var path = Bridge();
        if (path is null)
        {
            return; // Not a Linux x64 build: there is no ELF bridge to patch.
        }
        var bytes = File.ReadAllBytes(path);
        var before = ElfVersionPatcher.ReadVersionNeeds(bytes);
        var target = Assert.Single(before, n => n.Version == TorchNativeLoader.MissingVersion);
        Assert.Equal("libstdc++.so.6", target.File);
        Assert.False(target.Weak);

        var patched = (byte[])bytes.Clone();
        Assert.Equal(1, ElfVersionPatcher.MarkWeak(patched, TorchNativeLoader.MissingVersion));
        var after = ElfVersionPatcher.ReadVersionNeeds(patched);
        Assert.True(after.Single(n => n.Version == TorchNativeLoader.MissingVersion).Weak);
        Assert.Equal(before.Where(n => n.Version != TorchNativeLoader.MissingVersion), after.Where(n => n.Version != TorchNativeLoader.MissingVersion));
        Assert.Equal(1, bytes.Zip(patched).Count(p => p.First != p.Second));
        Assert.Equal(0, ElfVersionPatcher.MarkWeak(patched, TorchNativeLoader.MissingVersion));
    }

    [Fact]
    public void Rejects_files_that_are_not_elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadVersionNeeds(new byte[128]));
    }
}
