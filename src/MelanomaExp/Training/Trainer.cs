using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Seeding;
using static TorchSharp.torch;

namespace MelanomaExp.Training;

/// <summary>
/// Trains one step: seeded shuffling each epoch, Adam (or SGD) on cross-entropy, validation after
/// every epoch. Randomness: weight init from <c>init/step</c>, dropout from <c>train/step</c>,
/// batch order from <c>shuffle/step/epoch</c>.
/// </summary>
public sealed class Trainer
{
    private readonly BatchSource _source;
    private readonly Seeds _seeds;

    public Trainer(BatchSource source, Seeds seeds)
    {
        _source = source;
        _seeds = seeds;
    }

    public List<EpochRecord> Train(
        StepSpec step,
        nn.Module<Tensor, Tensor> model,
        int[] trainIndices,
        int[] validationIndices,
        IReadOnlyList<int> labels,
        IProgress<TrainProgress>? progress = null,
        Action<string, EpochRecord>? epochDone = null,
        CancellationToken cancel = default)
    {
        random.manual_seed(_seeds.For("train", step.Name));
        using var optimizer = CreateOptimizer(step.Train, model);
        var history = new List<EpochRecord>();
        var batches = (trainIndices.Length + step.Train.BatchSize - 1) / step.Train.BatchSize;
        for (var epoch = 1; epoch <= step.Train.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var order = (int[])trainIndices.Clone();
            _seeds.Rng("shuffle", step.Name, epoch).Shuffle(order);
            model.train();
            double lossSum = 0;
            long correct = 0;
            for (var b = 0; b < batches; b++)
            {
                cancel.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var start = b * step.Train.BatchSize;
                var count = Math.Min(step.Train.BatchSize, order.Length - start);
                var (images, targets) = _source.Gather(order.AsSpan(start, count));
                optimizer.zero_grad();
                var logits = model.forward(images);
                var loss = nn.functional.cross_entropy(logits, targets);
                loss.backward();
                optimizer.step();
                var batchLoss = loss.item<float>();
                lossSum += batchLoss * count;
                correct += logits.argmax(1).eq(targets).sum().item<long>();
                progress?.Report(new TrainProgress(step.Name, epoch, step.Train.Epochs, b + 1, batches, batchLoss, (start + count) / clock.Elapsed.TotalSeconds));
            }
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var validation = Evaluator.Run(model, _source, validationIndices);
            var labelsOfValidation = validationIndices.Select(i => labels[i]).ToArray();
            var record = new EpochRecord(
                epoch,
                lossSum / order.Length,
                correct / (double)order.Length,
                validation.Loss,
                validation.Accuracy(labelsOfValidation),
                clock.Elapsed.TotalSeconds,
                order.Length / trainSeconds);
            history.Add(record);
            epochDone?.Invoke(step.Name, record);
        }
        return history;
    }

    /// <summary>Adam with Keras' epsilon (1e-7), since the study's numbers come from Keras.</summary>
    private static optim.Optimizer CreateOptimizer(TrainSpec train, nn.Module<Tensor, Tensor> model) => train.Optimizer switch
    {
        "sgd" => optim.SGD(model.parameters(), train.LearningRate),
        _ => optim.Adam(model.parameters(), train.LearningRate, eps: 1e-7),
    };
}
