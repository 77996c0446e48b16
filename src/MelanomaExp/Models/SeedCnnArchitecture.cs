using MelanomaExp.Config;
using MelanomaExp.Config.Catalog;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models;

/// <summary>The study's network (<see cref="SeedCnn"/>): optional batch norm, mixed precision, Grad-CAM, per-layer timing.</summary>
internal sealed class SeedCnnArchitecture : IArchitecture
{
    public const string Key = "seed-cnn";

    public string Name => Key;

    public ModelSpec Bind(YamlSection model, ModelSpec common) => common with { BatchNorm = model.Bool("batch_norm", false) };

    public IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) => [new("batch_norm", spec.BatchNorm ? true : null)];

    public IReadOnlyList<string> Precisions => PrecisionNames.All;

    public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale) =>
        new SeedCnn(classes, height, width, spec.Dropout, spec.BatchNorm, rescale);

    public string? GradCamLayer => SeedCnn.LastConvBlock;

    public (Tensor Activation, Tensor Logits) ForwardKeeping(Module<Tensor, Tensor> network, Tensor input) =>
        Cnn(network).ForwardKeeping(input, SeedCnn.LastConvBlock);

    public IReadOnlyList<(string Name, Module<Tensor, Tensor> Layer)>? ExecutionOrder(Module<Tensor, Tensor> network) => Cnn(network).ExecutionOrder;

    public void SetComputeType(Module<Tensor, Tensor> network, ScalarType computeType) => Cnn(network).ComputeType = computeType;

    private static SeedCnn Cnn(Module<Tensor, Tensor> network) =>
        network as SeedCnn ?? throw new ArgumentException($"not a {Key} network: {network.GetName()}", nameof(network));
}
