using MelanomaExp.Config;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>A small residual network trained from scratch (<see cref="ResNetSmall"/>): fp32 only, no Grad-CAM.</summary>
internal sealed class ResNetSmallArchitecture : IArchitecture
{
    public string Name => "resnet-small";

    // It always normalises its batches; the key is accepted, as it always was, and changes nothing.
    public ModelSpec Bind(YamlSection model, ModelSpec common) => common with { BatchNorm = model.Bool("batch_norm", false) };

    public IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) => [new("batch_norm", spec.BatchNorm ? true : null)];

    public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale) =>
        new ResNetSmall(classes, spec.Dropout, rescale);
}
