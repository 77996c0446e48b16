using System.Reflection;

namespace MelanomaExp;

/// <summary>
/// The tool's version, as every written file records it. At the root because everything records it, from the output
/// markers of the lowest layers to the manifest.
/// </summary>
internal static class ToolVersion
{
    public static string Current { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";
}
