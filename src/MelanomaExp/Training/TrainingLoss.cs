using MelanomaExp.Config;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// The training loss: cross-entropy, with <c>class_weights: balanced</c> (rare classes count as much in
/// total as common ones) and <c>label_smoothing</c> (targets of 1 - e + e/K instead of 1) when asked.
/// Validation loss stays plain cross-entropy, so it is comparable between steps.
/// </summary>
internal sealed class TrainingLoss : IDisposable
{
    private readonly TrainSpec _spec;
    private readonly int[] _trainLabels;
    private Tensor? _weights;

    public TrainingLoss(TrainSpec spec, int[] trainLabels)
    {
        _spec = spec;
        _trainLabels = trainLabels;
    }

    /// <summary>n / (K x n_c) per class from the training labels; 0 for a class with no training image.</summary>
    public static float[] BalancedWeights(IReadOnlyList<int> labels, int classes)
    {
        var counts = Data.ClassCounts.Of(labels, classes);
        return counts.Select(c => c == 0 ? 0f : (float)(labels.Count / ((double)classes * c))).ToArray();
    }

    public Tensor Of(Tensor logits, Tensor targets)
    {
        if (_spec.BalancedClassWeights && _weights is null)
        {
            // The first call runs inside a batch's dispose scope; detached, the weights outlive that batch and
            // serve the whole step (disposed once, in Dispose).
            _weights = tensor(BalancedWeights(_trainLabels, (int)logits.shape[1]), device: logits.device).DetachFromDisposeScope();
        }
        return _spec.BalancedClassWeights || _spec.LabelSmoothing > 0
            ? nn.functional.cross_entropy(logits, targets, weight: _weights, label_smoothing: _spec.LabelSmoothing)
            : nn.functional.cross_entropy(logits, targets);
    }

    public void Dispose() => _weights?.Dispose();
}
