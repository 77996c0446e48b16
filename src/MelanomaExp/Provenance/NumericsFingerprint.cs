using System.Globalization;

namespace MelanomaExp.Provenance;

/// <summary>
/// What beyond the settings decides a step's bits on this machine: the CPU's instruction-set level and
/// bfloat16 flags (oneDNN picks kernels by them), torch's thread count (how sums are split) and the
/// libtorch version. It enters the step key, so weights trained with other numerics are never reused,
/// or resumed, as if they were this machine's.
/// </summary>
public static class NumericsFingerprint
{
    public static string Current => Of(CpuFeatures.Current, TorchSharp.torch.get_num_threads(), TorchSharp.torch.__version__);

    public static string Of(CpuFeatures cpu, int torchThreads, string libtorch) =>
        string.Create(CultureInfo.InvariantCulture, $"isa={cpu.IsaLevel};bf16={string.Join('+', cpu.Bf16)};threads={torchThreads};libtorch={libtorch}");
}
