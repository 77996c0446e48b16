using MelanomaExp.Native;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Native;

public class ElfVersionPatcherTests
{
    /// <summary>The real TorchSharp bridge shipped beside the test binaries (Linux x64 builds).</summary>
    private static string? Bridge() => new[]
    {
        Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
        Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so"),
    }.FirstOrDefault(File.Exists);

    [SkippableFact]
    public void Marks_only_the_named_requirement_weak()
    {
        var path = Prerequisite.Need(Bridge(), "TorchSharp's Linux x64 bridge, libLibTorchSharp.so, beside the test binaries");
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

    [SkippableFact]
    public void A_damaged_cached_copy_is_written_again_and_an_unwritable_cache_is_a_clear_error()
    {
        var path = Prerequisite.Need(Bridge(), "TorchSharp's Linux x64 bridge, libLibTorchSharp.so, beside the test binaries");
        using var cache = new TempDir();
        var copy = TorchNativeLoader.WritePatchedCopy(path, cache.Path);
        var good = File.ReadAllBytes(copy);
        // A copy cut short was mapped and crashed every later run with SIGBUS; one with the same size but other bytes must not pass either.
        File.WriteAllBytes(copy, good[..(good.Length / 2)]);
        Assert.Equal(copy, TorchNativeLoader.WritePatchedCopy(path, cache.Path));
        Assert.Equal(good, File.ReadAllBytes(copy));
        var flipped = (byte[])good.Clone();
        flipped[^1] ^= 0xFF;
        File.WriteAllBytes(copy, flipped);
        TorchNativeLoader.WritePatchedCopy(path, cache.Path);
        Assert.Equal(good, File.ReadAllBytes(copy));

        var file = cache.Combine("a-file");
        File.WriteAllText(file, "not a folder");
        var e = Assert.Throws<BadInputException>(() => TorchNativeLoader.WritePatchedCopy(path, file));
        Assert.Contains("set MELANOMA_EXP_CACHE to a writable folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_files_that_are_not_elf()
    {
        Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadVersionNeeds(new byte[128]));
    }
}
