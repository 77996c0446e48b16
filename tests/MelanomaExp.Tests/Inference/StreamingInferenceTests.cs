using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Inference;
using MelanomaExp.Models;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Inference;

public class StreamingInferenceTests
{
    [Fact]
    public void Chunked_pass_gives_what_decoding_everything_first_gives()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 3, perClass: 25, size: 24, jpeg: true);
        var index = DatasetScanner.Scan(dir.Path);
        random.manual_seed(5);
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 3, 24, 24);

        var store = ImageStoreLoader.Load(index, 24, 24, BadImagePolicy.Fail);
        using var source = new BatchSource(store, CPU);
        var whole = Evaluator.Run(model, source, Enumerable.Range(0, store.Count).ToArray());

        // 40 rounds up to 64 = two batches: chunks of 64 and 11, batches of 32, 32 and 11 as in the whole pass.
        var streamed = StreamingInference.Run(model, dir.Path, index.Classes, index.Images, 24, 24, BadImagePolicy.Fail, skipHint: null, chunk: 40);
        Assert.Equal(whole.Predictions, streamed.Pass.Predictions);
        Assert.Equal(whole.Probabilities, streamed.Pass.Probabilities);
        Assert.Equal(whole.Loss, streamed.Pass.Loss, 5);
        Assert.Equal(store.Labels, streamed.Labels);
        Assert.Equal(store.Paths, streamed.Paths);
        Assert.Equal((75, 32, 64), (streamed.Rate.Images, streamed.Rate.Batch, streamed.Rate.Chunk));
        Assert.True(streamed.Rate.ImagesPerSecond > 0);
    }

    [Fact]
    public void Unreadable_files_are_skipped_in_order_or_fail_the_pass_naming_each()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 2, perClass: 6, size: 16);
        var index = DatasetScanner.Scan(dir.Path);
        var broken = new[] { index.Images[2].Path, index.Images[9].Path };
        foreach (var path in broken)
        {
            File.WriteAllText(path, "not an image");
        }
        random.manual_seed(5);
        using var model = ModelFactory.Create(new ModelSpec("seed-cnn", 0), 2, 16, 16);

        var skipped = StreamingInference.Run(model, dir.Path, index.Classes, index.Images, 16, 16, BadImagePolicy.Skip, skipHint: null, chunk: 4);
        Assert.Equal(broken, skipped.Skipped.Select(b => b.Path));
        Assert.Equal(index.Images.Select(i => i.Path).Except(broken), skipped.Paths);
        Assert.Equal(10, skipped.Pass.Predictions.Length);

        var failed = Assert.Throws<BadInputException>(() => StreamingInference.Run(model, dir.Path, index.Classes, index.Images, 16, 16, BadImagePolicy.Fail, "--skip-bad-images leaves them out", chunk: 4));
        Assert.StartsWith("2 unreadable image(s) (--skip-bad-images leaves them out):", failed.Message, StringComparison.Ordinal);
        Assert.All(broken, p => Assert.Contains(p, failed.Message, StringComparison.Ordinal));
    }
}
