using MelanomaExp.Config.Catalog;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// <c>train.precision</c>: fp32 (the default), or mixed precision with float32 master weights, optimizer
/// state and loss: bf16 on CPUs with bfloat16 arithmetic in hardware (AVX512-BF16 or AMX) and on CUDA,
/// fp16 on CUDA only. Elsewhere reduced precision would run emulated, slower than fp32, so it is refused.
/// </summary>
internal static class Precision
{
    public const string Fp32 = PrecisionNames.Fp32;
    public const string Bf16 = PrecisionNames.Bf16;
    public const string Fp16 = PrecisionNames.Fp16;

    public static IReadOnlyList<string> Names => PrecisionNames.All;

    /// <summary>The type the forward computes in, null for plain float32; throws when this machine cannot run it fast.</summary>
    /// <param name="where">Names the file and key in the error, e.g. "base.yaml: step 'base': train.precision".</param>
    public static ScalarType? ComputeType(string precision, Device device, CpuFeatures cpu, string where)
    {
        var cuda = device.type == DeviceType.CUDA;
        return precision switch
        {
            Fp32 => null,
            Bf16 when cuda || cpu.HasBf16 => ScalarType.BFloat16,
            Bf16 => throw new BadInputException($"{where}: bf16 needs a CPU with AVX512-BF16 or AMX (this CPU's flags have neither) or a CUDA device; use fp32 here"),
            Fp16 when cuda => ScalarType.Float16,
            Fp16 => throw new BadInputException($"{where}: fp16 runs only on a CUDA device (this run is on the CPU); use bf16 on a CPU with AVX512-BF16 or AMX, or fp32"),
            _ => throw new BadInputException($"{where}: expected one of {string.Join(", ", Names)}, got '{precision}'"),
        };
    }

    /// <summary>
    /// A warning when bf16 runs on a CPU where it was measured slower than fp32: an Intel CPU with AVX512-BF16 but no
    /// AMX (bench --quick: 0.80x fp32 on such a Xeon, against 1.9x on an AMD EPYC with AVX512-BF16 and on an AMX Xeon).
    /// Null otherwise. A warning, not a refusal: the numbers are right either way, and bench measures the machine itself.
    /// </summary>
    public static string? SlowerHere(string precision, Device device, CpuFeatures cpu) =>
        precision == Bf16 && device.type == DeviceType.CPU && cpu.Microarchitecture.StartsWith("GenuineIntel", StringComparison.Ordinal) && !cpu.Bf16.Contains("amx_bf16")
            ? "train.precision bf16 on an Intel CPU without AMX: measured 0.80x the speed of fp32 on such a Xeon (1.9x on AMX Xeons and AMD EPYC); `melanoma-exp bench --quick` measures it here"
            : null;

    /// <summary>How an error names the key: file, step, key.</summary>
    public static string Where(Config.Experiment experiment, Config.StepSpec step) => $"{experiment.SourcePath}: step '{step.Name}': train.precision";

    /// <summary>Sets the network's compute type (the loader has checked that its architecture lists the precision).</summary>
    internal static void Apply(IArchitecture architecture, nn.Module<Tensor, Tensor> network, ScalarType? computeType)
    {
        if (computeType is not { } type)
        {
            return;
        }
        var name = type == ScalarType.BFloat16 ? Bf16 : Fp16;
        if (!architecture.Precisions.Contains(name))
        {
            throw new BadInputException($"train.precision: {name} mixed precision is not implemented for {architecture.Name} (it trains in {string.Join(", ", architecture.Precisions)})");
        }
        architecture.SetComputeType(network, type);
    }
}
