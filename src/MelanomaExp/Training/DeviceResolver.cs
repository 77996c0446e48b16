using MelanomaExp.Config;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>Turns <c>device: auto|cpu|cuda</c> into a torch device; auto takes CUDA when TorchSharp sees one.</summary>
public static class DeviceResolver
{
    /// <summary>cuBLAS picks reproducible reduction order only with a fixed workspace, read when its first handle is made.</summary>
    public const string CublasWorkspace = ":4096:8";

    public static Device Resolve(DeviceChoice choice, bool deterministic = true)
    {
        TorchNativeLoader.EnsureLoaded();
        if (choice != DeviceChoice.Cpu && Environment.GetEnvironmentVariable("CUBLAS_WORKSPACE_CONFIG") is null)
        {
            NativeEnvironment.Set("CUBLAS_WORKSPACE_CONFIG", CublasWorkspace);
        }
        var device = choice switch
        {
            DeviceChoice.Cpu => CPU,
            DeviceChoice.Cuda when cuda.is_available() => CUDA,
            DeviceChoice.Cuda => throw new BadInputException(
                "device: cuda was asked for, but TorchSharp sees no CUDA device. This build uses TorchSharp-cpu; " +
                "on a CUDA machine build with -p:TorchBackend=cuda (see README)."),
            _ => cuda.is_available() ? CUDA : CPU,
        };
        if (device.type == TorchSharp.DeviceType.CUDA && deterministic)
        {
            // TF32 matmuls trade precision for speed and vary with the GPU generation.
            backends.cuda.matmul.allow_tf32 = false;
            backends.cudnn.allow_tf32 = false;
        }
        return device;
    }
}
