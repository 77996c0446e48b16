namespace MelanomaExp.Native;

/// <summary>
/// TorchSharp tries to load <c>torch_cuda</c> from beside its assembly on every <c>manual_seed</c> and
/// <c>cuda.is_available()</c>, even in a CPU build. A CUDA build's libraries left in a CPU build's folder
/// (one shared bin/ before bin/ was split per backend, or files copied over an install) would then be
/// loaded next to the CPU libtorch, two builds of libtorch in one process. A CPU build refuses to start
/// instead, naming the file.
/// </summary>
internal static class StaleCudaGuard
{
    private static readonly string[] CudaLibraries = ["libtorch_cuda.so", "libc10_cuda.so"];

    /// <summary>Throws when this is a CPU build and a CUDA libtorch sits where TorchSharp would find it.</summary>
    public static void Check(IEnumerable<string> dirs)
    {
        if (TorchBackendInfo.IsCuda)
        {
            return;
        }
        if (Find(dirs) is { } stale)
        {
            throw new InvalidOperationException(
                $"{stale} is a CUDA libtorch library beside this CPU build (TorchSharp-cpu); TorchSharp would load it next to the CPU libtorch. " +
                "It is left over from a CUDA build or copy: delete it, or rebuild into a clean folder (bin/ and obj/ are per backend, see README).");
        }
    }

    /// <summary>The first CUDA libtorch library in <paramref name="dirs"/> or their <c>runtimes/linux-x64/native</c>, or null.</summary>
    public static string? Find(IEnumerable<string> dirs) => dirs
        .SelectMany(d => new[] { d, Path.Combine(d, "runtimes", "linux-x64", "native") })
        .SelectMany(d => CudaLibraries.Select(name => Path.Combine(d, name)))
        .FirstOrDefault(File.Exists);
}
