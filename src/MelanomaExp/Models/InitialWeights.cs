using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>
/// <c>init_from</c>: starting weights a user supplies, in TorchSharp's format (what <c>module.save</c>
/// writes, and what TorchSharp's <c>exportsd.py</c> writes from a PyTorch state dict). Every parameter
/// and buffer of the architecture must be in the file with its shape, except a classifier head the architecture
/// names, which starts fresh when the file's is for another number of classes (ImageNet's 1000).
/// </summary>
internal static class InitialWeights
{
    public static void Load(nn.Module<Tensor, Tensor> network, string path, string arch, int classes, IReadOnlyList<string>? head = null)
    {
        try
        {
            try
            {
                network.load(path, strict: true);
            }
#pragma warning disable CA1031 // See below: any failure of the whole file is retried without the head, whose failure is reported.
            catch (Exception) when (head is { Count: > 0 })
#pragma warning restore CA1031
            {
                network.load(path, strict: true, skip: [.. head]);
            }
        }
#pragma warning disable CA1031 // TorchSharp throws a variety of types for corrupt or mismatched files; all mean bad input here.
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw new BadInputException($"{path}: model.init_from: cannot load as {arch} for {classes} classes (names or shapes differ, or not a TorchSharp weights file): {e.Message}", e);
        }
    }
}
