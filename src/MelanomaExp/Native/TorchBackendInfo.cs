using System.Reflection;

namespace MelanomaExp.Native;

/// <summary>
/// Which TorchSharp backend this build was compiled for (<c>-p:TorchBackend=...</c>, recorded as assembly
/// metadata by Directory.Build.props): <c>cpu</c> (TorchSharp-cpu), <c>cuda</c> (TorchSharp-cuda-linux) or
/// <c>cuda-compile-check</c> (managed bindings only; compiles the CUDA paths, cannot train).
/// </summary>
internal static class TorchBackendInfo
{
    public static string Name { get; } =
        typeof(TorchBackendInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "TorchBackend")?.Value ?? "unknown";

    /// <summary>A CUDA build (TORCH_CUDA defined). A property, not a constant, so code on both sides stays reachable.</summary>
    public static bool IsCuda
    {
        get
        {
#if TORCH_CUDA
            return true;
#else
            return false;
#endif
        }
    }

    /// <summary>The NuGet package that supplies libtorch in this build.</summary>
    public static string Package => Name switch
    {
        "cpu" => "TorchSharp-cpu",
        "cuda" => "TorchSharp-cuda-linux",
        "cuda-compile-check" => "TorchSharp (managed bindings only)",
        _ => Name,
    };
}
