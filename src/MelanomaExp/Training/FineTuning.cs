using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Preprocessing;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// <c>train.freeze</c>, <c>train.backbone_learning_rate_scale</c> and <c>train.batch_norm</c> applied to a network with
/// a pretrained backbone (<see cref="IPretrainedNetwork"/>). The loader has refused them for other architectures.
/// </summary>
internal static class FineTuning
{
    /// <summary>The pretrained network inside <paramref name="model"/> (behind its preprocessing, if any), or null.</summary>
    public static IPretrainedNetwork? Find(nn.Module<Tensor, Tensor> model) =>
        model as IPretrainedNetwork ?? (model as Preprocessed)?.Inner as IPretrainedNetwork;

    /// <summary>Fixes what <paramref name="train"/> freezes; a no-op for a step without the fine-tuning keys.</summary>
    /// <returns>A line for the log saying what was fixed, or null.</returns>
    public static string? Apply(TrainSpec train, nn.Module<Tensor, Tensor> model)
    {
        if (train.Freeze is null && !train.FrozenBatchNorm)
        {
            return null;
        }
        var network = Find(model) ?? throw new BadInputException("train.freeze and train.batch_norm need an architecture with a pretrained backbone");
        var through = train.Freeze is TrainSpec.FreezeBackbone ? null : train.Freeze;
        var fixedCount = train.Freeze is null ? 0 : network.FixParameters(through);
        if (train.FrozenBatchNorm)
        {
            network.FixStatistics();
        }
        var total = network.BackboneParameters.Count();
        var parameters = train.Freeze is null ? "no backbone parameter fixed" : $"{fixedCount} of the backbone's {total} parameter tensors fixed{(through is null ? "" : $" (through node '{through}')")}";
        return $"{parameters}; batch normalisation on running statistics {(train.FrozenBatchNorm ? "everywhere" : "in the fixed nodes")}";
    }

    /// <summary>
    /// The optimizer's parameter groups when the step asks for them: the trainable parameters only (a fixed one must not
    /// even decay), the backbone's at <c>learning_rate x backbone_learning_rate_scale</c>. Null: one group of every
    /// parameter, exactly as before these keys existed.
    /// </summary>
    public static IReadOnlyList<(IReadOnlyList<Parameter> Parameters, double LearningRate)>? ParameterGroups(TrainSpec train, nn.Module<Tensor, Tensor> model)
    {
        if (!train.TouchesBackbone || Find(model) is not { } network)
        {
            return null;
        }
        var backbone = network.BackboneParameters.Where(p => p.requires_grad).ToList();
        var handles = network.BackboneParameters.Select(p => p.Handle).ToHashSet();
        var head = model.parameters().Where(p => p.requires_grad && !handles.Contains(p.Handle)).ToList();
        var groups = new List<(IReadOnlyList<Parameter>, double)> { (head, train.LearningRate) };
        if (backbone.Count > 0)
        {
            groups.Add((backbone, train.LearningRate * (train.BackboneLearningRateScale ?? 1)));
        }
        return groups;
    }
}
