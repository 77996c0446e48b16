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
    string NativeLibrary)
{
    /// <summary>The CPU's bfloat16 flags (avx512_bf16, amx_bf16) or "none": whether train.precision bf16 may run here. Null in fixed test environments.</summary>
    public string? CpuBf16 { get; init; }

    /// <summary>The CPU's instruction-set level (<see cref="CpuFeatures.IsaLevel"/>), part of what decides the bits. Null in fixed test environments.</summary>
    public string? CpuIsa { get; init; }

    /// <summary>The CPU's vendor, family and model (<see cref="CpuFeatures.Microarchitecture"/>), which tells apart CPUs of one name and level that give different bits. Null in fixed test environments.</summary>
    public string? CpuMicroarchitecture { get; init; }
}
