using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Provenance;

namespace MelanomaExp.Running;

/// <summary>
/// What a step's trained weights depend on: the seed, the data settings and fingerprint, the step's own
/// settings, the tool version, and the device, build and numerics that trained it (<paramref name="device"/>,
/// e.g. <c>cpu/cpu/isa=avx2;bf16=;threads=2;libtorch=2.10.0</c>, see <see cref="NumericsFingerprint"/>: weights trained on
/// the CPU must not be reused, and labelled, as a GPU run's, nor those of one torch thread as two threads'). Equal keys mean training again would give the same weights, so a
/// finished result can be reused. Other steps do not enter it: adding or editing one leaves the rest reusable.
/// </summary>
internal static class StepKey
{
    public static string For(Experiment experiment, StepSpec step, DatasetFingerprint data, string device)
    {
        // JSON, not record ToString: number formatting must not depend on the machine's culture.
        var text = string.Join('\n', experiment.Seed, JsonSerializer.Serialize(experiment.Data with { Root = "" }), JsonSerializer.Serialize(step), data.Hash, ToolVersion.Current, device);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
