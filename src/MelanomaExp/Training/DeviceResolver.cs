using MelanomaExp.Config;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>Turns <c>device: auto|cpu|cuda</c> into a torch device; auto takes CUDA when TorchSharp sees one.</summary>
internal static class DeviceResolver
{
    /// <summary>cuBLAS picks reproducible reduction order only with a fixed workspace, read when its first handle is made.</summary>
    public const string CublasWorkspace = ":4096:8";

    public static Device Resolve(DeviceChoice choice, bool deterministic = true) => Choose(choice, deterministic).Device;

    /// <summary>
    /// The device, with the reason when <c>auto</c> falls back to the CPU. On CUDA with
    /// <paramref name="deterministic"/>: TF32 off, deterministic cuDNN, no cuDNN benchmarking, and
    /// deterministic algorithms (warn-only) through <see cref="DeterminismFlags"/>. On the CPU the switches
    /// stay at libtorch's defaults: the CPU kernels used here are deterministic (runs are bit-identical,
    /// which the tests check), and deterministic-algorithms mode would fill every new tensor first.
    /// </summary>
    public static DeviceSelection Choose(DeviceChoice choice, bool deterministic = true)
    {
        TorchNativeLoader.EnsureLoaded();
        if (choice != DeviceChoice.Cpu && Environment.GetEnvironmentVariable("CUBLAS_WORKSPACE_CONFIG") is null)
        {
            NativeEnvironment.Set("CUBLAS_WORKSPACE_CONFIG", CublasWorkspace);
        }
        var gpu = cuda.is_available();
        string? fallback = null;
        Device device;
        if (choice == DeviceChoice.Cpu)
        {
            device = CPU;
        }
        else if (gpu)
        {
            device = CUDA;
        }
        else if (choice == DeviceChoice.Cuda)
        {
            throw new BadInputException($"device: cuda was asked for, but {WhyNoCuda()}");
        }
        else
        {
            device = CPU;
            fallback = $"device: auto chose the CPU: {WhyNoCuda()}";
        }
        if (device.type == TorchSharp.DeviceType.CUDA && deterministic)
        {
            // TF32 matmuls trade precision for speed and vary with the GPU generation.
            backends.cuda.matmul.allow_tf32 = false;
            backends.cudnn.allow_tf32 = false;
            DeterminismFlags.Set(true);
        }
        return new DeviceSelection(device, choice, fallback, OperatingSystem.IsLinux() ? DeterminismFlags.Read() : null);
    }

    /// <summary>Why TorchSharp sees no GPU, as exactly as this build can tell.</summary>
    public static string WhyNoCuda() => TorchBackendInfo.IsCuda
        ? $"this CUDA build ({TorchBackendInfo.Package}) sees no usable CUDA device ({CudaDriver.Probe()})"
        : $"this build uses {TorchBackendInfo.Package}, which has no CUDA support; on a CUDA machine publish a CUDA build with scripts/publish-cuda.sh (see README, \"GPU\")";
}
