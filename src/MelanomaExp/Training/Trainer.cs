using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Seeding;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// Trains one step: seeded shuffling each epoch, Adam (or SGD) on cross-entropy, validation after
/// every epoch. Randomness: weight init from <c>init/step</c> (before the model is built); at the start
/// of every epoch libtorch's CPU and CUDA generators are reseeded from <c>train/step/epoch</c> (dropout),
/// and before validation from <c>validate/step/epoch</c>; batch order from <c>shuffle/step/epoch</c>,
/// augmentation from <c>augment/step/epoch/batch</c>. No epoch depends on generator state left by an
/// earlier one, which is what lets a resumed run match an uninterrupted one on any device.
/// </summary>
internal sealed class Trainer
{
    private readonly IBatchSource _source;
    private readonly Seeds _seeds;

    public Trainer(IBatchSource source, Seeds seeds)
    {
        _source = source;
        _seeds = seeds;
    }

    /// <summary>Prepare the next batch while the current one trains (on by default; off only to measure what it buys).</summary>
    public bool Prefetch { get; init; } = true;

    /// <summary>
    /// <c>adam</c>: torch's Adam with Keras' nominal epsilon (1e-7); <c>adam-keras</c>: Keras' update rule
    /// (epsilon before bias correction, see <see cref="KerasAdam"/>).
    /// </summary>
    /// <remarks>
    /// Parameters fixed by <c>train.freeze</c> are left out; with <c>train.backbone_learning_rate_scale</c> the backbone's
    /// parameters form a second group at the scaled rate (see <see cref="FineTuning.ParameterGroups"/>).
    /// </remarks>
    public static OptimizerHelper CreateOptimizer(TrainSpec train, nn.Module<Tensor, Tensor> model)
    {
        if (FineTuning.ParameterGroups(train, model) is not { } groups)
        {
            return train.Optimizer switch
            {
                "sgd" => optim.SGD(model.parameters(), train.LearningRate),
                "adam-keras" => KerasAdam.Create(model.parameters(), train.LearningRate),
                _ => optim.Adam(model.parameters(), train.LearningRate, eps: 1e-7),
            };
        }
        return train.Optimizer switch
        {
            "sgd" => optim.SGD(groups.Select(g => new SGD.ParamGroup(g.Parameters, new SGD.Options { LearningRate = g.LearningRate })), train.LearningRate),
            "adam-keras" => KerasAdam.Create(groups.Select(g => new Adam.ParamGroup(g.Parameters, new Adam.Options { LearningRate = g.LearningRate })), train.LearningRate),
            _ => optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, new Adam.Options { LearningRate = g.LearningRate })), train.LearningRate, eps: 1e-7),
        };
    }

    /// <summary>Trains from scratch, or continues after <paramref name="resumed"/> epochs restored from a checkpoint.</summary>
    public List<EpochRecord> Train(
        StepSpec step,
        nn.Module<Tensor, Tensor> model,
        OptimizerHelper optimizer,
        int[] trainIndices,
        int[] validationIndices,
        IReadOnlyList<int> labels,
        TrainingHooks hooks,
        IReadOnlyList<EpochRecord>? resumed = null,
        CancellationToken cancel = default)
    {
        var history = new List<EpochRecord>(resumed ?? []);
        var augmenter = step.Augment is null ? null : new Augmentation.Online.BatchAugmenter(step.Augment);
        var batches = (trainIndices.Length + step.Train.BatchSize - 1) / step.Train.BatchSize;
        var labelsOfValidation = validationIndices.Select(i => labels[i]).ToArray();
        using var loss = new TrainingLoss(step.Train, trainIndices.Select(i => labels[i]).ToArray());
        for (var epoch = history.Count + 1; epoch <= step.Train.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            TorchSeeding.Reseed(_seeds.For("train", step.Name, epoch));
            var order = (int[])trainIndices.Clone();
            _seeds.Rng("shuffle", step.Name, epoch).Shuffle(order);
            model.train();
            double data = 0, forwardBackward = 0, optimizerSeconds = 0;
            double lossSum = 0;
            long correct = 0;
            var split = new SplitClock();
            var batchSize = step.Train.BatchSize;
            (int Start, int Count) Range(int b) => (b * batchSize, Math.Min(batchSize, order.Length - (b * batchSize)));
            using var prefetch = new BatchPrefetcher(batches, b =>
            {
                var (start, count) = Range(b);
                var (images, targets) = _source.Gather(order.AsSpan(start, count));
                return augmenter is null ? (images, targets) : (augmenter.Apply(images, _seeds.Rng("augment", step.Name, epoch, b)), targets);
            }, Prefetch);
            for (var b = 0; b < batches; b++)
            {
                cancel.ThrowIfCancellationRequested();
                var (start, count) = Range(b);
                split.Restart();
                var (images, targets) = prefetch.Take(b);
                using var ownImages = images;
                using var ownTargets = targets;
                using var scope = NewDisposeScope();
                split.Lap(ref data);
                optimizer.zero_grad();
                var logits = model.forward(images);
                var batchLossTensor = loss.Of(logits, targets);
                batchLossTensor.backward();
                split.Lap(ref forwardBackward);
                if (step.Train.Optimizer == "adam-keras")
                {
                    KerasAdam.PrepareStep((Adam)optimizer, ((long)(epoch - 1) * batches) + b + 1);
                }
                optimizer.step();
                split.Lap(ref optimizerSeconds);
                var batchLoss = batchLossTensor.item<float>();
                lossSum += batchLoss * count;
                correct += logits.argmax(1).eq(targets).sum().item<long>();
                hooks.Progress?.Report(new TrainProgress(step.Name, epoch, step.Train.Epochs, b + 1, batches, batchLoss, (start + count) / clock.Elapsed.TotalSeconds));
            }
            var trainSeconds = clock.Elapsed.TotalSeconds;
            TorchSeeding.Reseed(_seeds.For("validate", step.Name, epoch));
            var validation = Evaluator.Run(model, _source, validationIndices);
            var validationSeconds = clock.Elapsed.TotalSeconds - trainSeconds;
            var record = new EpochRecord(
                epoch,
                lossSum / order.Length,
                correct / (double)order.Length,
                validation.Loss,
                validation.Accuracy(labelsOfValidation),
                clock.Elapsed.TotalSeconds,
                order.Length / trainSeconds);
            history.Add(record);
            hooks.Breakdown?.Invoke(new EpochBreakdown(step.Name, epoch, order.Length, data, forwardBackward, optimizerSeconds, validationSeconds, clock.Elapsed.TotalSeconds));
            hooks.EpochDone?.Invoke(step.Name, record);
            hooks.Checkpoint?.Invoke(history);
        }
        return history;
    }
}

/// <summary>Adds the time since the last lap to a total: the per-phase split of an epoch.</summary>
internal sealed class SplitClock
{
    private readonly Stopwatch _clock = new();

    public void Restart() => _clock.Restart();

    public void Lap(ref double total)
    {
        total += _clock.Elapsed.TotalSeconds;
        _clock.Restart();
    }
}

/// <summary>Callbacks of a training run: progress per batch, a line per epoch, and a checkpoint after each epoch.</summary>
internal sealed record TrainingHooks(
    IProgress<TrainProgress>? Progress = null,
    Action<string, EpochRecord>? EpochDone = null,
    Action<IReadOnlyList<EpochRecord>>? Checkpoint = null,
    Action<EpochBreakdown>? Breakdown = null,
    Action<string>? Log = null);
