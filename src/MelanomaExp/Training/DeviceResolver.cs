using MelanomaExp.Config;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>Turns <c>device: auto|cpu|cuda</c> into a torch device; auto takes CUDA when TorchSharp sees one.</summary>
public static class DeviceResolver
{
    public static Device Resolve(DeviceChoice choice)
    {
        TorchNativeLoader.EnsureLoaded();
        return choice switch
        {
            DeviceChoice.Cpu => CPU,
            DeviceChoice.Cuda when cuda.is_available() => CUDA,
            DeviceChoice.Cuda => throw new BadInputException(
                "device: cuda was asked for, but TorchSharp sees no CUDA device. This build uses TorchSharp-cpu; " +
                "on a CUDA machine build with -p:TorchBackend=cuda (see README)."),
            _ => cuda.is_available() ? CUDA : CPU,
        };
    }
}
