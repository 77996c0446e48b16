using MelanomaExp.Config;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>
/// An architecture a step can train: builds its network and says what the network can do. Everything that depends on
/// the architecture asks it here instead of testing a name or a type. To add one, implement this in one file beside
/// <see cref="SeedCnnArchitecture"/> and list it in <see cref="Architectures.BuiltIn"/>.
/// </summary>
internal interface IArchitecture : IArchitectureSchema
{
    /// <summary>A new network with fresh weights from torch's current seed.</summary>
    /// <param name="rescale">Whether the network divides its 0..255 input by 255 itself (false when the input arrives standardised).</param>
    Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale);

    /// <summary>
    /// The parameters of the network's classifier head, which <c>init_from</c> leaves fresh when the file holds them in
    /// another shape (pretrained weights for 1000 ImageNet classes); empty: the file must match the whole network.
    /// </summary>
    IReadOnlyList<string> HeadParameters(Module<Tensor, Tensor> network) => [];

    /// <summary>How pixels reach the network, for the model card; null: the tool's default (0..255 RGB, scaled by 1/255 inside).</summary>
    string? InputDescription(ModelSpec spec) => null;

    /// <summary>The layer Grad-CAM explains, as named in the report; null when the architecture offers no Grad-CAM.</summary>
    string? GradCamLayer => null;

    /// <summary>
    /// The logits in float32 with <see cref="GradCamLayer"/>'s output kept in the autograd graph. Called only when
    /// <see cref="GradCamLayer"/> is set.
    /// </summary>
    (Tensor Activation, Tensor Logits) ForwardKeeping(Module<Tensor, Tensor> network, Tensor input) =>
        throw new NotSupportedException($"{Name} offers no Grad-CAM");

    /// <summary>The leaf layers in the order the forward runs them (the per-layer bench); null: the modules' registration order.</summary>
    IReadOnlyList<(string Name, Module<Tensor, Tensor> Layer)>? ExecutionOrder(Module<Tensor, Tensor> network) => null;

    /// <summary>Makes the forward compute in <paramref name="computeType"/> (mixed precision); only for the precisions it lists.</summary>
    void SetComputeType(Module<Tensor, Tensor> network, ScalarType computeType) =>
        throw new NotSupportedException($"{Name} trains in fp32 only");
}
