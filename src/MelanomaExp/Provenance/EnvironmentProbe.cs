using System.Runtime.InteropServices;
using MelanomaExp.Native;
using static TorchSharp.torch;

namespace MelanomaExp.Provenance;

/// <summary>Reads the real environment. Called once per run, after the device is chosen.</summary>
internal static class EnvironmentProbe
{
    public static EnvironmentInfo Capture(Device device)
    {
        var native = TorchNativeLoader.EnsureLoaded();
        return new EnvironmentInfo(
            MelanomaExp.ToolVersion.Current,
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.OSDescription,
            CpuModel(),
            Environment.ProcessorCount,
            typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown",
            get_num_threads(),
            device.type == TorchSharp.DeviceType.CUDA ? $"cuda ({cuda.device_count()} device(s))" : "cpu",
            native.Mode switch
            {
                NativeLoadMode.Patched => $"patched copy ({TorchNativeLoader.MissingVersion} marked weak)",
                NativeLoadMode.Original => "as shipped",
                _ => "TorchSharp default",
            } + "; " + MallocTuning.Apply())
        {
            CpuBf16 = CpuFeatures.Current.HasBf16 ? string.Join(", ", CpuFeatures.Current.Bf16) : "none",
            CpuIsa = CpuFeatures.Current.IsaLevel,
            CpuMicroarchitecture = CpuFeatures.Current.Microarchitecture,
        };
    }

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
    }
}
