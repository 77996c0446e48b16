using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Models;

/// <summary>
/// A network made of a pretrained backbone and a new head: what <c>train.freeze</c>, <c>train.backbone_learning_rate_scale</c>
/// and <c>train.batch_norm</c> act on, and what lets a frozen backbone's features be computed once per image. An
/// architecture whose network implements this says so with <see cref="Config.IArchitectureSchema.HasPretrainedBackbone"/>.
/// </summary>
internal interface IPretrainedNetwork
{
    /// <summary>The backbone's parameters (the head's are the network's others).</summary>
    IEnumerable<Parameter> BackboneParameters { get; }

    /// <summary>
    /// Fixes the backbone's parameters up to and including the node <paramref name="throughNode"/> (null: the whole
    /// backbone) and runs those nodes' batch normalisation on its running statistics. Returns how many parameter
    /// tensors were fixed.
    /// </summary>
    int FixParameters(string? throughNode);

    /// <summary>Runs every batch normalisation of the backbone on its running statistics, and keeps them.</summary>
    void FixStatistics();

    /// <summary>Whether the backbone's output is a fixed function of the image while the network trains.</summary>
    bool BackboneFixed { get; }

    /// <summary>The backbone's pooled features of a batch of images (as the network's forward takes them).</summary>
    Tensor Features(Tensor images);

    /// <summary>The head's logits for features from <see cref="Features"/>; <paramref name="training"/> turns its dropout on.</summary>
    Tensor Classify(Tensor features, bool training);
}
