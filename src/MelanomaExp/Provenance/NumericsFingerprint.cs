using System.Globalization;

namespace MelanomaExp.Provenance;

/// <summary>
/// What beyond the settings decides a step's bits on this machine: the tool's numerics version (<see cref="NumericsVersion"/>), the CPU's microarchitecture (vendor, family,
/// model), instruction-set level and bfloat16 flags (oneDNN picks and sizes its kernels by them), torch's thread
/// count (how sums are split) and the libtorch version. It enters the step key and the run state, so weights or
/// checkpoints trained with other numerics are never reused, or resumed, as if they were this machine's.
/// </summary>
internal static class NumericsFingerprint
{
    /// <summary>
    /// The manifest's environment keys that record these properties, for verify and collect, which compare two
    /// reports by them (the packages TorchSharp and libtorch are the rest).
    /// </summary>
    public static IReadOnlyList<string> EnvironmentKeys { get; } = ["device", "cpu", "cpu_microarchitecture", "cpu_isa", "cpu_bf16", "torch_threads"];

    public static string Current => Of(CpuFeatures.Current, TorchSharp.torch.get_num_threads(), TorchSharp.torch.__version__);

    public static string Of(CpuFeatures cpu, int torchThreads, string libtorch) =>
        string.Create(CultureInfo.InvariantCulture, $"code={NumericsVersion.Current};cpu={cpu.Microarchitecture};isa={cpu.IsaLevel};bf16={string.Join('+', cpu.Bf16)};threads={torchThreads};libtorch={libtorch}");

    /// <summary>The parts on which two fingerprints differ, in words (<c>threads 1 -> 2</c>); a null one was not recorded.</summary>
    public static string Describe(string? before, string after)
    {
        if (before is null)
        {
            return $"not recorded -> {after}";
        }
        var a = Parts(before);
        var b = Parts(after);
        var changed = b.Keys.Union(a.Keys).Where(k => a.GetValueOrDefault(k) != b.GetValueOrDefault(k))
            .Select(k => $"{k} {Shown(a.GetValueOrDefault(k))} -> {Shown(b.GetValueOrDefault(k))}");
        return string.Join(", ", changed);
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;

    private static Dictionary<string, string> Parts(string fingerprint) =>
        fingerprint.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
