using System.Runtime.InteropServices;
using System.Text;

namespace MelanomaExp.Native;

/// <summary>
/// Asks the NVIDIA driver itself (<c>libcuda.so.1</c>, installed with the driver, not shipped by
/// TorchSharp) what it has: its CUDA version, the devices, their names and compute capabilities.
/// TorchSharp 0.107 exposes none of this, and asking the driver first tells "no driver" apart from
/// "driver without devices" and "libtorch cannot use this device". The driver API is a stable C ABI:
/// <c>cuInit</c>, <c>cuDriverGetVersion</c>, <c>cuDeviceGetCount</c>, <c>cuDeviceGet</c>,
/// <c>cuDeviceGetName</c>, <c>cuDeviceGetAttribute</c> (compute capability major 75, minor 76).
/// </summary>
public static unsafe class CudaDriver
{
    private const string Library = "libcuda.so.1";
    private const int ComputeCapabilityMajor = 75;
    private const int ComputeCapabilityMinor = 76;

    public static CudaDriverInfo Probe()
    {
        if (!NativeLibrary.TryLoad(Library, out var handle))
        {
            return CudaDriverInfo.Missing($"no NVIDIA driver: {Library} cannot be loaded");
        }
        try
        {
            var init = (delegate* unmanaged<uint, int>)Export(handle, "cuInit");
            var driverVersion = (delegate* unmanaged<int*, int>)Export(handle, "cuDriverGetVersion");
            var deviceCount = (delegate* unmanaged<int*, int>)Export(handle, "cuDeviceGetCount");
            var deviceGet = (delegate* unmanaged<int*, int, int>)Export(handle, "cuDeviceGet");
            var deviceName = (delegate* unmanaged<byte*, int, int, int>)Export(handle, "cuDeviceGetName");
            var attribute = (delegate* unmanaged<int*, int, int, int>)Export(handle, "cuDeviceGetAttribute");

            int version = 0, count = 0;
            if (driverVersion(&version) != 0)
            {
                return CudaDriverInfo.Missing("the NVIDIA driver did not report its CUDA version");
            }
            var cudaVersion = $"{version / 1000}.{version % 1000 / 10}";
            var status = init(0);
            if (status != 0)
            {
                return CudaDriverInfo.Missing($"the NVIDIA driver (CUDA {cudaVersion}) failed to initialise: cuInit returned {status}") with { CudaVersion = cudaVersion };
            }
            if (deviceCount(&count) != 0)
            {
                return CudaDriverInfo.Missing("the NVIDIA driver did not report a device count") with { CudaVersion = cudaVersion };
            }
            var devices = new List<CudaDeviceInfo>();
            var name = stackalloc byte[256];
            for (var ordinal = 0; ordinal < count; ordinal++)
            {
                int device = 0, major = 0, minor = 0;
                if (deviceGet(&device, ordinal) != 0 || deviceName(name, 256, device) != 0
                    || attribute(&major, ComputeCapabilityMajor, device) != 0 || attribute(&minor, ComputeCapabilityMinor, device) != 0)
                {
                    return CudaDriverInfo.Missing($"the NVIDIA driver could not describe device {ordinal}") with { CudaVersion = cudaVersion };
                }
                devices.Add(new CudaDeviceInfo(ordinal, Marshal.PtrToStringUTF8((IntPtr)name) ?? "", $"{major}.{minor}"));
            }
            return new CudaDriverInfo(cudaVersion, devices, count == 0 ? "the NVIDIA driver sees no CUDA device" : null);
        }
        catch (EntryPointNotFoundException e)
        {
            return CudaDriverInfo.Missing($"{Library} is not a usable NVIDIA driver: {e.Message}");
        }
    }

    private static IntPtr Export(IntPtr handle, string name) =>
        NativeLibrary.TryGetExport(handle, name, out var address) ? address : throw new EntryPointNotFoundException($"no {name}");
}

/// <summary>What the driver reported; <paramref name="Problem"/> is null when it has at least one usable device.</summary>
public sealed record CudaDriverInfo(string? CudaVersion, IReadOnlyList<CudaDeviceInfo> Devices, string? Problem)
{
    public bool Usable => Problem is null;

    public static CudaDriverInfo Missing(string problem) => new(null, [], problem);

    public override string ToString() => new StringBuilder()
        .Append(Problem ?? $"driver CUDA {CudaVersion}, {Devices.Count} device(s)")
        .AppendJoin("", Devices.Select(d => $"; {d}"))
        .ToString();
}

/// <summary>One device as the driver numbers it.</summary>
public sealed record CudaDeviceInfo(int Ordinal, string Name, string ComputeCapability)
{
    public override string ToString() => $"cuda:{Ordinal} {Name} (compute capability {ComputeCapability})";
}
