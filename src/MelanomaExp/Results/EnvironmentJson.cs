using MelanomaExp.Documents;
using MelanomaExp.Provenance;

namespace MelanomaExp.Results;

/// <summary>
/// The <c>environment</c> block of metrics.json and manifest.json: <see cref="EnvironmentInfo"/> property for property
/// (a test checks the two have the same properties, so one added there is not silently left out of the reports).
/// </summary>
internal static class EnvironmentJson
{
    public static EnvironmentDocument Document(EnvironmentInfo e) => new(
        e.ToolVersion, e.Dotnet, e.Os, e.Cpu, e.Cores, e.TorchSharp, e.TorchThreads, e.Device, e.NativeLibrary, e.CpuBf16, e.CpuIsa, e.CpuMicroarchitecture);
}
