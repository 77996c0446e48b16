namespace MelanomaExp.Provenance;

/// <summary>
/// The CPU's instruction-set flags as the kernel reports them (/proc/cpuinfo), for what decides whether
/// reduced-precision training pays: bfloat16 arithmetic in hardware (AVX512-BF16, AMX-BF16).
/// Built from a flag list so tests can stand in for a CPU without them.
/// </summary>
public sealed class CpuFeatures
{
    private readonly HashSet<string> _flags;

    public CpuFeatures(IEnumerable<string> flags) => _flags = new HashSet<string>(flags, StringComparer.Ordinal);

    /// <summary>This machine's flags; none where /proc/cpuinfo does not exist (not Linux).</summary>
    public static CpuFeatures Current { get; } = Read("/proc/cpuinfo");

    public static CpuFeatures Read(string cpuinfo)
    {
        if (!File.Exists(cpuinfo))
        {
            return new CpuFeatures([]);
        }
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal));
        return new CpuFeatures(line?.Split(':', 2)[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
    }

    /// <summary>The flags of bfloat16 arithmetic this CPU has, in a fixed order; empty when none.</summary>
    public IReadOnlyList<string> Bf16 => [.. new[] { "avx512_bf16", "amx_bf16" }.Where(_flags.Contains)];

    public bool HasBf16 => Bf16.Count > 0;

    /// <summary>
    /// The highest vector instruction-set level the CPU offers (amx, avx512, avx2, baseline). oneDNN picks its
    /// kernels by this level, so two machines of different levels sum floating-point numbers in different
    /// orders and give different bits for the same settings; verify and collect compare it.
    /// </summary>
    public string IsaLevel => _flags.Contains("amx_tile") ? "amx" : _flags.Contains("avx512f") ? "avx512" : _flags.Contains("avx2") ? "avx2" : _flags.Count == 0 ? "unknown" : "baseline";
}
