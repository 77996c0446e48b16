using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Models;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Training;

public class BatchPrefetcherTests
{
    [Fact]
    public void Overlapped_preparation_trains_exactly_as_sequential_preparation()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 3, perClass: 20, size: 32);
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 32, 32, BadImagePolicy.Fail);
        var split = Splitter.Make(store.Labels, 0.25, stratify: true, new Random(1));
        var step = new StepSpec("p", new ModelSpec("seed-cnn", 0.2), new TrainSpec(2, 8, "adam", 0.001))
        {
            Augment = new AugmentSpec(FlipMode.HorizontalAndVertical, 0.2, 0.2, 0.1, 0.1, 0.1, FillMode.Reflect),
        };
        (List<EpochRecord> History, float[] Weights) Train(bool prefetch)
        {
            var seeds = new Seeds(5);
            random.manual_seed(seeds.For("init", step.Name));
            using var model = ModelFactory.Create(step.Model, 3, 32, 32);
            using var source = new BatchSource(store, CPU);
            using var optimizer = Trainer.CreateOptimizer(step.Train, model);
            var history = new Trainer(source, seeds) { Prefetch = prefetch }.Train(step, model, optimizer, split.Train, split.Validation, store.Labels, new TrainingHooks());
            return (history, model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray());
        }
        var overlapped = Train(prefetch: true);
        var sequential = Train(prefetch: false);
        Assert.Equal(sequential.History.Select(e => (e.TrainLoss, e.ValLoss)), overlapped.History.Select(e => (e.TrainLoss, e.ValLoss)));
        Assert.Equal(sequential.Weights, overlapped.Weights);
    }

    [Fact]
    public void A_failure_while_preparing_reaches_the_trainer_and_nothing_is_left_pending()
    {
        var made = new List<int>();
        using (var prefetch = new BatchPrefetcher(3, b =>
        {
            lock (made)
            {
                made.Add(b);
            }
            return b == 1 ? throw new InvalidDataException("batch 1 is bad") : (zeros(1), zeros(1));
        }, overlap: true))
        {
            var (images, labels) = prefetch.Take(0);
            images.Dispose();
            labels.Dispose();
            var error = Assert.Throws<InvalidDataException>(() => prefetch.Take(1));
            Assert.Equal("batch 1 is bad", error.Message);
        }
        Assert.Equal([0, 1], made.Order());
    }
}
