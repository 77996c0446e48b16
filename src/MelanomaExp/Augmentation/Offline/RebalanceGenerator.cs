using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Seeding;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>
/// Augmentor's <c>Pipeline.sample(n)</c>, made reproducible: the k-th image of a class draws its source
/// image and every operation from a generator seeded by (seed, step, class, k) alone, so the bytes do
/// not depend on thread count or order. Files are PNGs (or, with <c>output: augmentor</c>, JPEG for JPEG
/// sources, as Augmentor saves them) named by content hash, kept with a manifest in
/// a cache folder and reused while the pipeline, seed and source images are unchanged.
/// </summary>
internal static class RebalanceGenerator
{
    private const string ManifestFile = "manifest.json";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static GeneratedImages Generate(RebalanceSpec spec, ImageStore store, int[] sources, Seeds seeds, string step, string cacheDir)
    {
        var plan = Plan(spec, store, sources);
        var key = CacheKey(spec, store, sources, seeds, step);
        return TryLoad(cacheDir, key, store, plan) ?? Create(spec, store, plan, seeds, step, cacheDir, key);
    }

    /// <summary>Per class: the source indices to draw from and how many images to make.</summary>
    private static List<(int Label, int[] Sources, int Count)> Plan(RebalanceSpec spec, ImageStore store, int[] sources) =>
        Enumerable.Range(0, store.Classes.Count).Select(c =>
        {
            var own = sources.Where(i => store.Labels[i] == c).ToArray();
            return (c, own, own.Length == 0 ? 0 : spec.ToGenerate(own.Length));
        }).ToList();

    private static GeneratedImages Create(RebalanceSpec spec, ImageStore store, List<(int Label, int[] Sources, int Count)> plan, Seeds seeds, string step, string cacheDir, string key)
    {
        var jobs = plan.SelectMany(p => Enumerable.Range(0, p.Count).Select(k => (p.Label, p.Sources, K: k))).ToArray();
        var size = store.ImageBytes;
        var pixels = new byte[(long)jobs.Length * size];
        var files = new string[jobs.Length];
        var hashes = new string[jobs.Length];
        var origins = new int[jobs.Length];
        if (Directory.Exists(cacheDir))
        {
            Directory.Delete(cacheDir, recursive: true);
        }
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, j =>
        {
            var (label, sources, k) = jobs[j];
            var className = store.Classes[label];
            var rng = seeds.Rng("rebalance", step, className, k);
            origins[j] = sources[rng.Next(sources.Length)];
            using var image = Image.LoadPixelData<Rgb24>(store.Image(origins[j]), store.Width, store.Height);
            AugmentorOps.Run(spec.Pipeline, image, rng, spec.Output);
            var (bytes, extension) = Encode(image, spec.Output, store.Paths[origins[j]]);
            if (extension == ".png")
            {
                image.CopyPixelDataTo(pixels.AsSpan(j * size, size));
            }
            else
            {
                // Lossy: train on what a reader of the saved file gets, as the notebook did.
                using var decoded = Image.Load<Rgb24>(bytes);
                decoded.CopyPixelDataTo(pixels.AsSpan(j * size, size));
            }
            hashes[j] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var dir = Path.Combine(cacheDir, className);
            Directory.CreateDirectory(dir);
            files[j] = Path.Combine(dir, $"{hashes[j][..16]}{extension}");
            File.WriteAllBytes(files[j], bytes);
        });
        var manifest = new Manifest(key, jobs.Select((job, j) => new Entry(store.Classes[job.Label], job.K, origins[j], Path.GetRelativePath(cacheDir, files[j]), hashes[j])).ToList());
        File.WriteAllText(Path.Combine(cacheDir, ManifestFile), JsonSerializer.Serialize(manifest, Indented));
        return new GeneratedImages(pixels, jobs.Select(j => j.Label).ToArray(), origins, files, hashes, plan.Select(p => p.Count).ToArray(), false, cacheDir);
    }

    /// <summary>PNG, or for <see cref="RebalanceOutput.Augmentor"/> the source's format: JPEG at PIL's default quality 75 (4:2:0).</summary>
    private static (byte[] Bytes, string Extension) Encode(Image<Rgb24> image, RebalanceOutput output, string sourcePath)
    {
        using var stream = new MemoryStream();
        var ext = Path.GetExtension(sourcePath).ToLowerInvariant();
        if (output == RebalanceOutput.Augmentor && ext is ".jpg" or ".jpeg")
        {
            image.SaveAsJpeg(stream, new JpegEncoder { Quality = 75, ColorType = JpegColorType.YCbCrRatio420 });
            return (stream.ToArray(), ".jpg");
        }
        image.SaveAsPng(stream);
        return (stream.ToArray(), ".png");
    }

    private static GeneratedImages? TryLoad(string cacheDir, string key, ImageStore store, List<(int Label, int[] Sources, int Count)> plan)
    {
        var path = Path.Combine(cacheDir, ManifestFile);
        if (!File.Exists(path))
        {
            return null;
        }
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path));
        if (manifest is null || manifest.Key != key || manifest.Images.Any(e => !File.Exists(Path.Combine(cacheDir, e.File))))
        {
            return null;
        }
        var index = new DatasetIndex(cacheDir, store.Classes, manifest.Images.Select(e => new ImageEntry(Path.Combine(cacheDir, e.File), IndexOf(store.Classes, e.Class))).ToList());
        var loaded = ImageStoreLoader.Load(index, store.Height, store.Width, BadImagePolicy.Fail, skipHint: null);
        if (!loaded.Hashes.SequenceEqual(manifest.Images.Select(e => e.Sha256)))
        {
            return null;
        }
        return new GeneratedImages(loaded.Pixels, loaded.Labels, manifest.Images.Select(e => e.Source).ToArray(), loaded.Paths, loaded.Hashes, plan.Select(p => p.Count).ToArray(), true, cacheDir);
    }

    /// <summary>Everything the generated bytes depend on.</summary>
    private static string CacheKey(RebalanceSpec spec, ImageStore store, int[] sources, Seeds seeds, string step)
    {
        var text = new StringBuilder()
            .AppendLine(JsonSerializer.Serialize(spec))
            .AppendLine(string.Join(',', seeds.Root, step, store.Height, store.Width))
            .AppendJoin('\n', sources.Select(i => $"{store.Classes[store.Labels[i]]}:{store.Hashes[i]}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (var i = 0; i < classes.Count; i++)
        {
            if (classes[i] == name)
            {
                return i;
            }
        }
        throw new InvalidDataException($"rebalance cache names unknown class '{name}'");
    }

    private sealed record Manifest(string Key, List<Entry> Images);

    private sealed record Entry(string Class, int Index, int Source, string File, string Sha256);
}
