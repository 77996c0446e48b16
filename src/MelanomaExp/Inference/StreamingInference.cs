using System.Diagnostics;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Training;
using static TorchSharp.torch;

namespace MelanomaExp.Inference;

/// <summary>
/// Classifies image files a chunk at a time, so a folder of many thousands of images never sits decoded in
/// memory at once (a chunk of 512 at 180x180 is 50 MB of pixels): the next chunk is decoded on all cores
/// while the current one goes through the model in the evaluator's batches. A chunk is a whole number of
/// batches, so without unreadable files every batch holds the same images as when everything is decoded
/// first and the results are bit for bit the same (a convolution's rounding depends on the batch it is in).
/// </summary>
internal static class StreamingInference
{
    /// <summary>Rounded up to whole batches of <see cref="Evaluator.BatchSize"/>.</summary>
    public const int ChunkImages = 512;

    /// <param name="root">Names the input in errors, and holds the class folders whose links must stay inside them (a folder, or "(inputs)" for files given one by one).</param>
    /// <param name="skipHint">How the user can skip unreadable files, for the error under the fail policy; null when they cannot.</param>
    public static StreamedPass Run(nn.Module<Tensor, Tensor> model, string root, IReadOnlyList<string> classes, IReadOnlyList<ImageEntry> images, int height, int width, BadImagePolicy policy, string? skipHint, int chunk = ChunkImages)
    {
        var clock = Stopwatch.StartNew();
        chunk = Math.Max(1, (chunk + Evaluator.BatchSize - 1) / Evaluator.BatchSize) * Evaluator.BatchSize;
        var chunks = images.Chunk(chunk).ToList();
        var bad = new List<BadImage>();
        var (predictions, probabilities, labels, paths) = (new List<int>(), new List<float[]>(), new List<int>(), new List<string>());
        double lossSum = 0;
        var next = chunks.Count > 0 ? Task.Run(() => Decode(root, chunks[0], classes, height, width)) : null;
        for (var c = 0; c < chunks.Count; c++)
        {
            var decoded = next!.Result;
            var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
            next = following is null ? null : Task.Run(() => Decode(root, following, classes, height, width));
            bad.AddRange(decoded.Bad);
            // Under the fail policy one bad file fails the call: decode the rest only to name every bad file at once.
            if ((bad.Count > 0 && policy == BadImagePolicy.Fail) || decoded.Store.Count == 0)
            {
                continue;
            }
            using var source = new BatchSource(decoded.Store, CPU);
            var pass = Evaluator.Run(model, source, Enumerable.Range(0, decoded.Store.Count).ToArray());
            lossSum += pass.Loss * decoded.Store.Count;
            predictions.AddRange(pass.Predictions);
            probabilities.AddRange(pass.Probabilities);
            labels.AddRange(decoded.Store.Labels);
            paths.AddRange(decoded.Store.Paths);
        }
        if (bad.Count > 0 && policy == BadImagePolicy.Fail)
        {
            throw ImageStoreLoader.Unreadable(bad, skipHint);
        }
        var missing = classes.Where((_, k) => images.Any(i => i.Label == k) && !labels.Contains(k)).ToList();
        if (bad.Count > 0 && missing.Count > 0)
        {
            throw new BadInputException($"{root}: after skipping unreadable images, class(es) {string.Join(", ", missing)} have no images left");
        }
        var rate = new InferenceRate(labels.Count, clock.Elapsed.TotalSeconds, Evaluator.BatchSize, chunk, get_num_threads(), Environment.ProcessorCount);
        return new StreamedPass(new EvaluationPass(lossSum / Math.Max(1, labels.Count), [.. predictions], [.. probabilities]), [.. labels], [.. paths], bad, rate);
    }

    private static (ImageStore Store, IReadOnlyList<BadImage> Bad) Decode(string root, ImageEntry[] chunk, IReadOnlyList<string> classes, int height, int width)
    {
        var size = height * width * 3;
        var pixels = new byte[(long)chunk.Length * size];
        var errors = new string?[chunk.Length];
        Parallel.For(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            // Training's file rules, so that a FIFO is refused rather than waited on and a link to a folder skipped rather than crashed into.
            var bytes = ImageFiles.Read(chunk[i].Path, ImageFiles.HomeOf(chunk[i].Path, root, classes[chunk[i].Label]), out var why);
            errors[i] = bytes is null ? why : ImageDecoder.TryDecode(bytes, height, width, pixels.AsSpan(i * size, size));
        });
        var keep = Enumerable.Range(0, chunk.Length).Where(i => errors[i] is null).ToArray();
        var bad = Enumerable.Range(0, chunk.Length).Where(i => errors[i] is not null).Select(i => new BadImage(chunk[i].Path, errors[i]!)).ToList();
        if (bad.Count > 0)
        {
            var compact = new byte[(long)keep.Length * size];
            for (var k = 0; k < keep.Length; k++)
            {
                pixels.AsSpan(keep[k] * size, size).CopyTo(compact.AsSpan(k * size, size));
            }
            pixels = compact;
        }
        return (new ImageStore(classes, height, width, pixels, [.. keep.Select(i => chunk[i].Label)], [.. keep.Select(i => chunk[i].Path)], bad), bad);
    }
}
