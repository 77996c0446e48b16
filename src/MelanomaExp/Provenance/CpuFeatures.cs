namespace MelanomaExp.Provenance;

/// <summary>
/// The CPU's instruction-set flags as the kernel reports them (/proc/cpuinfo), for what decides whether
/// reduced-precision training pays: bfloat16 arithmetic in hardware (AVX512-BF16, AMX-BF16).
/// Built from a flag list so tests can stand in for a CPU without them.
/// </summary>
internal sealed class CpuFeatures
{
    private readonly HashSet<string> _flags;

    public CpuFeatures(IEnumerable<string> flags, string microarchitecture = "unknown")
    {
        _flags = new HashSet<string>(flags, StringComparer.Ordinal);
        Microarchitecture = microarchitecture;
    }

    /// <summary>
    /// The CPU's vendor, family and model numbers (e.g. <c>AuthenticAMD family 26 model 2</c>, a Zen 5 EPYC), or
    /// "unknown". Needed beside the instruction-set level: this Zen 5 "AMD EPYC" and the "AMD EPYC" that made
    /// reports/smoke, with the same AVX-512 and bf16 flags and the same code (checked at a3cd8bf and now), gave
    /// different bits for the same step; the model name cannot tell them apart (plausibly oneDNN sizes its blocks by
    /// the caches, which differ between generations).
    /// </summary>
    public string Microarchitecture { get; }

    /// <summary>This machine's flags; none where /proc/cpuinfo does not exist (not Linux).</summary>
    public static CpuFeatures Current { get; } = Read("/proc/cpuinfo");

    public static CpuFeatures Read(string cpuinfo)
    {
        if (!File.Exists(cpuinfo))
        {
            return new CpuFeatures([]);
        }
        // The first processor's block: every core of one machine reports the same.
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(cpuinfo).TakeWhile(l => l.Trim().Length > 0))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2)
            {
                fields.TryAdd(parts[0].Trim(), parts[1].Trim());
            }
        }
        var flags = (fields.GetValueOrDefault("flags") ?? fields.GetValueOrDefault("Features") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new CpuFeatures(flags, MicroarchitectureOf(fields));
    }

    private static string MicroarchitectureOf(Dictionary<string, string> fields) =>
        fields.TryGetValue("cpu family", out var family) && fields.TryGetValue("model", out var model)
            ? $"{fields.GetValueOrDefault("vendor_id") ?? "unknown vendor"} family {family} model {model}"
            : fields.TryGetValue("CPU implementer", out var implementer) && fields.TryGetValue("CPU part", out var part)
                ? $"implementer {implementer} part {part}"
                : "unknown";

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
