using System.Reflection;

namespace MelanomaExp.Provenance;

/// <summary>Versions of the libraries that shape the numbers, read from the loaded assemblies.</summary>
internal static class PackageVersions
{
    public static IReadOnlyDictionary<string, string> Read() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["TorchSharp"] = Version(typeof(TorchSharp.torch).Assembly),
        ["libtorch"] = TorchSharp.torch.__version__,
        ["SixLabors.ImageSharp"] = Version(typeof(SixLabors.ImageSharp.Image).Assembly),
        ["ScottPlot"] = Version(typeof(ScottPlot.Plot).Assembly),
        ["YamlDotNet"] = Version(typeof(YamlDotNet.Serialization.Deserializer).Assembly),
        ["MathNet.Numerics"] = Version(typeof(MathNet.Numerics.Statistics.Statistics).Assembly),
    };

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
