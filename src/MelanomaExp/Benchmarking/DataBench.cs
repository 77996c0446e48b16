using MelanomaExp.Augmentation.Offline;
using MelanomaExp.Augmentation.Online;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Seeding;
using static TorchSharp.torch;

namespace MelanomaExp.Benchmarking;

/// <summary>Throughput of the data side: decoding, online augmentation and offline (rebalance) generation, in images per second.</summary>
internal static class DataBench
{
    /// <summary>The online augmentation timed when the experiment has none: the study's augmented step.</summary>
    public static readonly AugmentSpec StudyAugment = new(FlipMode.HorizontalAndVertical, 0.2, 0.2, 0, 0, 0, FillMode.Reflect);

    /// <summary>The rebalance pipeline timed when the experiment has none: the study's rotate(p=0.7, ±10°).</summary>
    public static readonly RebalanceSpec StudyRebalance = new(
        1, null, RebalanceScope.TrainSplit, [new AugmentorOpSpec("rotate", 0.7, new Dictionary<string, double> { ["max_left"] = 10, ["max_right"] = 10 })]);

    /// <summary>Decode and resize of files already read into memory (disk and page cache are not measured), on one thread and on all cores.</summary>
    public static (Samples OneThread, Samples AllCores) Decode(IReadOnlyList<byte[]> files, int height, int width, int rounds)
    {
        var one = Samples.TimeMs(
            () =>
            {
                var target = new byte[height * width * 3];
                foreach (var bytes in files)
                {
                    ImageDecoder.TryDecode(bytes, height, width, target);
                }
            },
            0,
            rounds);
        var all = Samples.TimeMs(
            () => Parallel.For(
                0,
                files.Count,
                () => new byte[height * width * 3],
                (i, _, target) =>
                {
                    ImageDecoder.TryDecode(files[i], height, width, target);
                    return target;
                },
                _ => { }),
            0,
            rounds);
        return (one.PerSecond(files.Count), all.PerSecond(files.Count));
    }

    /// <summary>One training batch of random bytes through the online augmenter, as the trainer feeds it (float, channels-last).</summary>
    public static Samples OnlineAugmentation(AugmentSpec spec, int batch, int height, int width, int rounds, Device device)
    {
        var augmenter = new BatchAugmenter(spec);
        random.manual_seed(7);
        using var bytes = randint(0, 256, [batch, height, width, 3], dtype: ScalarType.Byte, device: device);
        using var images = bytes.to(ScalarType.Float32).permute(0, 3, 1, 2);
        var rng = new Random(7);
        return Samples.TimeMs(
            () =>
            {
                using var scope = NewDisposeScope();
                augmenter.Apply(images, rng);
            },
            1,
            rounds).PerSecond(batch);
    }

    /// <summary>Offline generation as a rebalance step does it (decode-free: from the in-memory store; PNG encode, hash and cache write included), fresh cache each round.</summary>
    public static Samples Rebalance(RebalanceSpec spec, ImageStore store, int perClass, int rounds)
    {
        var sized = spec with { SamplesPerClass = perClass, TargetPerClass = null };
        var sources = Enumerable.Range(0, store.Count).ToArray();
        var generated = store.Classes.Count * perClass;
        var scratch = Path.Combine(Path.GetTempPath(), $"melanoma-exp-bench-{Environment.ProcessId}");
        try
        {
            return Samples.TimeMs(
                () => RebalanceGenerator.Generate(sized, store, sources, new Seeds(1), "bench", Path.Combine(scratch, Guid.NewGuid().ToString("N"))),
                0,
                rounds).PerSecond(generated);
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
