namespace MelanomaExp.Provenance;

/// <summary>Where a run happened. Reports show it; golden tests pass a fixed one.</summary>
public sealed record EnvironmentInfo(
    string ToolVersion,
    string Dotnet,
    string Os,
    string Cpu,
    int Cores,
    string TorchSharp,
    int TorchThreads,
    string Device,
    string NativeLibrary);
