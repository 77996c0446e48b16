using MelanomaExp.Config;
using MelanomaExp.Models.Onnx;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MelanomaExp.Models.TorchVision;

/// <summary>
/// <c>model: { arch: torchvision-resnet18 | torchvision-mobilenet-v2, init_from: FILE }</c>: TorchSharp's TorchVision
/// networks, whose ImageNet weights a user exports from PyTorch in TorchSharp's format (docs/transfer-learning.md has
/// the steps); a head for the experiment's classes replaces the 1000-class one. Without <c>init_from</c> they train
/// from scratch. fp32 only, no Grad-CAM.
/// </summary>
internal sealed class TorchVisionArchitecture : IArchitecture
{
    /// <summary>torchvision's ImageNet convention: RGB scaled to 0..1, minus the ImageNet mean, divided by its deviation.</summary>
    public static readonly InputConvention ImageNet = new(false, 1 / 255.0, [0.485f, 0.456f, 0.406f], [0.229f, 0.224f, 0.225f]);

    public static readonly TorchVisionArchitecture ResNet18 = new(
        "torchvision-resnet18",
        classes => TorchSharp.torchvision.models.resnet18(num_classes: classes),
        ["conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4", "avgpool"],
        "fc");

    public static readonly TorchVisionArchitecture MobileNetV2 = new(
        "torchvision-mobilenet-v2",
        classes => TorchSharp.torchvision.models.mobilenet_v2(num_classes: classes),
        ["features"],
        "classifier");

    private readonly Func<int, Module<Tensor, Tensor>> _build;
    private readonly IReadOnlyList<string> _features;
    private readonly string _head;

    private TorchVisionArchitecture(string name, Func<int, Module<Tensor, Tensor>> build, IReadOnlyList<string> features, string head)
    {
        Name = name;
        _build = build;
        _features = features;
        _head = head;
    }

    public string Name { get; }

    public bool HasPretrainedBackbone => true;

    public bool SupportsStandardize => false;

    public bool PretrainedFromInitFrom => true;

    // The torchvision networks bring their own head (MobileNetV2's has dropout 0.2); a second dropout is not added.
    public ModelSpec Bind(YamlSection model, ModelSpec common)
    {
        if (common.Dropout > 0)
        {
            model.Report("dropout", $"{Name} takes no model.dropout (its head is torchvision's)");
        }
        return common;
    }

    public IReadOnlyList<string> BackboneNodes(ModelSpec spec) => _features;

    /// <summary>The head's parameters, which an ImageNet file holds for 1000 classes: <c>init_from</c> leaves them fresh then.</summary>
    public IReadOnlyList<string> HeadParameters(Module<Tensor, Tensor> network) =>
        [.. network.named_parameters().Select(p => p.name).Where(n => n.StartsWith(_head + ".", StringComparison.Ordinal))];

    public string? InputDescription(ModelSpec spec) => ImageNet.Describe();

    public Module<Tensor, Tensor> Build(ModelSpec spec, int classes, int height, int width, bool rescale) =>
        new TorchVisionNetwork(Name, _build(classes), _features, _head, ImageNet, rescale);
}
