using MelanomaExp.Models;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// A frozen backbone's features of the step's images, computed once, gathered by store index like the images
/// themselves. Exact only while the backbone is a fixed function of the image (<see cref="IPretrainedNetwork.BackboneFixed"/>)
/// and no image changes between epochs (no online augmentation): <see cref="Applies"/> says when.
/// </summary>
internal sealed class FeatureSource : IBatchSource, IDisposable
{
    private readonly Tensor _features;
    private readonly Tensor _labels;
    private readonly long[] _rowOf;

    private FeatureSource(Tensor features, Tensor labels, long[] rowOf, Device device)
    {
        _features = features;
        _labels = labels;
        _rowOf = rowOf;
        Device = device;
    }

    public Device Device { get; }

    /// <summary>How many images have features.</summary>
    public long Count => _features.shape[0];

    /// <summary>Features per image.</summary>
    public long Width => _features.shape[1];

    /// <summary>Whether training the step on cached features computes the same function as training it on the images (to rounding: the features come in other batches).</summary>
    public static bool Applies(Config.StepSpec step, nn.Module<Tensor, Tensor> model) =>
        step.Augment is null && FineTuning.Find(model) is { BackboneFixed: true };

    /// <summary>
    /// The features of <paramref name="indices"/> (store indices, each once), in batches of the evaluation size and in
    /// the order given, so the same settings give the same bits. <paramref name="model"/> is the whole network: its
    /// preprocessing, if any, runs before the backbone.
    /// </summary>
    public static FeatureSource Compute(nn.Module<Tensor, Tensor> model, BatchSource images, IReadOnlyList<int> indices, int storeCount)
    {
        var network = FineTuning.Find(model) ?? throw new InvalidOperationException("features need a pretrained network");
        var prepare = model is Preprocessing.Preprocessed preprocessed ? preprocessed.Prepare : (Func<Tensor, Tensor>)(x => x.alias());
        var rowOf = new long[storeCount];
        Array.Fill(rowOf, -1);
        var order = indices.ToArray();
        var features = new List<Tensor>();
        var labels = new List<Tensor>();
        model.eval();
        using (no_grad())
        {
            for (var start = 0; start < order.Length; start += Evaluator.BatchSize)
            {
                var count = Math.Min(Evaluator.BatchSize, order.Length - start);
                var (batch, batchLabels) = images.Gather(order.AsSpan(start, count));
                using (batch)
                using (NewDisposeScope())
                {
                    using var prepared = prepare(batch);
                    features.Add(network.Features(prepared).MoveToOuterDisposeScope());
                }
                labels.Add(batchLabels);
            }
        }
        for (var row = 0; row < order.Length; row++)
        {
            rowOf[order[row]] = row;
        }
        var all = cat(features, 0);
        var allLabels = cat(labels, 0);
        features.ForEach(f => f.Dispose());
        labels.ForEach(l => l.Dispose());
        return new FeatureSource(all, allLabels, rowOf, images.Device);
    }

    public (Tensor Images, Tensor Labels) Gather(ReadOnlySpan<int> indices)
    {
        var rows = new long[indices.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = _rowOf[indices[i]] is >= 0 and var row ? row : throw new InvalidOperationException($"no features for store index {indices[i]}");
        }
        using var index = tensor(rows, dtype: ScalarType.Int64).to(Device);
        return (_features.index_select(0, index), _labels.index_select(0, index));
    }

    public void Dispose()
    {
        _features.Dispose();
        _labels.Dispose();
    }
}

/// <summary>
/// The head of a pretrained network as a module of its own, run on <see cref="FeatureSource"/>'s features. It owns no
/// parameters: they stay the network's, so its checkpoints and saved weights are the whole network's as usual.
/// </summary>
internal sealed class FeatureHead : nn.Module<Tensor, Tensor>
{
    private readonly IPretrainedNetwork _network;

    public FeatureHead(IPretrainedNetwork network)
        : base("feature-head") => _network = network;

    public override Tensor forward(Tensor features) => _network.Classify(features, training);
}
