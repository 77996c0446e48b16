using TorchSharp.Modules;

namespace MelanomaExp.Training;

/// <summary>
/// Keras' Adam on top of TorchSharp's. Keras adds epsilon to the uncorrected sqrt(v):
/// <c>lr * sqrt(1-b2^t)/(1-b1^t) * m / (sqrt(v) + eps)</c>; torch adds it after bias correction:
/// <c>lr/(1-b1^t) * m / (sqrt(v)/sqrt(1-b2^t) + eps')</c>. The two are the same update when
/// <c>eps' = eps / sqrt(1-b2^t)</c>, so before step t the torch optimizer's epsilon is set to that.
/// Torch's state (moments, step count) and checkpoints stay as they are.
/// </summary>
internal static class KerasAdam
{
    public const double Beta1 = 0.9;
    public const double Beta2 = 0.999;
    public const double Epsilon = 1e-7;

    public static Adam Create(IEnumerable<Parameter> parameters, double learningRate) =>
        TorchSharp.torch.optim.Adam(parameters, learningRate, Beta1, Beta2, Epsilon);

    /// <summary>With parameter groups of their own learning rates (fine-tuning a backbone slower than its head).</summary>
    public static Adam Create(IEnumerable<Adam.ParamGroup> groups, double learningRate) =>
        TorchSharp.torch.optim.Adam(groups, learningRate, Beta1, Beta2, Epsilon);

    /// <summary>Call before the optimizer's <paramref name="t"/>-th step (1-based, counted over the whole step's training).</summary>
    public static void PrepareStep(Adam adam, long t)
    {
        var eps = Epsilon / Math.Sqrt(1 - Math.Pow(Beta2, t));
        foreach (var group in adam.ParamGroups.Cast<Adam.ParamGroup>())
        {
            group.Options.eps = eps;
        }
    }
}
