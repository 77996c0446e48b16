using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// What training and evaluation gather batches from, by store index: the decoded images (<see cref="BatchSource"/>),
/// or a frozen backbone's features of them (<see cref="FeatureSource"/>).
/// </summary>
internal interface IBatchSource
{
    Device Device { get; }

    /// <summary>The inputs and int64 labels of the given store indices (the caller disposes both).</summary>
    (Tensor Images, Tensor Labels) Gather(ReadOnlySpan<int> indices);
}
