using System.Runtime.InteropServices;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// Checks a GPU before any training on it, in the order that makes a failure readable: the NVIDIA
/// driver and its devices (<see cref="CudaDriver"/>), the devices libtorch sees, cuDNN, the compute
/// capability of the device used, then two tiny training steps run twice (<see cref="SeedingCheck"/>),
/// which fail outright when libtorch has no kernels for this GPU and differ when the CUDA generator is
/// not seeded. The result goes into manifest.json. Never run on a GPU while it was written (none was
/// reachable); on the CPU only the seeding check runs, in the tests.
/// </summary>
internal static class CudaPreflight
{
    private const string CudnnLibrary = "libcudnn.so.9";

    public static CudaPreflightResult Run(Device device, int seed)
    {
        var driver = CudaDriver.Probe();
        var result = new CudaPreflightResult { Driver = driver.ToString() };
        if (!driver.Usable)
        {
            return result with { Problem = driver.Problem };
        }
        var devices = cuda.device_count();
        var index = Math.Max(0, (int)device.index);
        var used = driver.Devices.FirstOrDefault(d => d.Ordinal == index);
        result = result with
        {
            TorchDevices = devices,
            Device = used?.ToString(),
            ComputeCapability = used?.ComputeCapability,
            Cudnn = cuda.is_cudnn_available(),
            CudnnVersion = CudnnVersion(),
        };
        if (devices == 0)
        {
            return result with { Problem = $"the driver lists {driver.Devices.Count} device(s) but libtorch sees none (a CUDA runtime newer than the driver supports?)" };
        }
        if (!result.Cudnn)
        {
            return result with { Problem = "libtorch finds no cuDNN; the CUDA build ships it (libcudnn.so.9 beside the application)" };
        }
        try
        {
            var seeding = SeedingCheck.Run(device, seed);
            return result with
            {
                Seeding = seeding,
                Problem = seeding.Passed ? null
                    : !seeding.Repeats ? "two tiny training steps from one seed gave different weights: the GPU run is not reproducible"
                    : "two tiny training steps gave the same weights from different seeds: the generator is not used",
            };
        }
#pragma warning disable CA1031 // Whatever libtorch throws here is reported with the device that caused it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return result with { Problem = $"a tiny training step failed on {used?.ToString() ?? device.ToString()}: {e.Message.Split('\n')[0]}" };
        }
    }

    /// <summary><c>cudnnGetVersion()</c> of the cuDNN libtorch loaded (found by soname, never loaded here), e.g. 91000 for 9.10.0.</summary>
    private static string? CudnnVersion()
    {
        if (LoadedLibrary.Find(CudnnLibrary) is not { } handle || !NativeLibrary.TryGetExport(handle, "cudnnGetVersion", out var address))
        {
            return null;
        }
        unsafe
        {
            var version = (long)((delegate* unmanaged<nuint>)address)();
            return $"{version / 10000}.{version % 10000 / 100}.{version % 100}";
        }
    }
}

/// <summary>What the preflight found; <see cref="Problem"/> is null when the GPU passed every check.</summary>
public sealed record CudaPreflightResult
{
    public string? Driver { get; init; }

    public int TorchDevices { get; init; }

    public string? Device { get; init; }

    public string? ComputeCapability { get; init; }

    public bool Cudnn { get; init; }

    public string? CudnnVersion { get; init; }

    public SeedingCheckResult? Seeding { get; init; }

    public string? Problem { get; init; }

    public bool Passed => Problem is null;
}
