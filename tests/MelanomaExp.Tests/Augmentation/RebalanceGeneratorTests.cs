using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;
using MelanomaExp.Augmentation.Offline;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Augmentation;

public class RebalanceGeneratorTests
{
    private static readonly RebalanceSpec Spec = new(null, 10, RebalanceScope.TrainSplit,
    [
        new("rotate", 0.7, new Dictionary<string, double> { ["max_left"] = 10, ["max_right"] = 10 }),
        new("flip_left_right", 0.5, new Dictionary<string, double>()),
    ]);

    private static ImageStore Store(TempDir dir)
    {
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 2, perClass: 4, size: 24);
        File.Delete(dir.Combine("Train", "class_1", "img_003.png"));
        return ImageStoreLoader.Load(DatasetScanner.Scan(dir.Combine("Train")), 24, 24, BadImagePolicy.Fail);
    }

    [Fact]
    public void Tops_every_class_up_reproducibly_names_files_by_content_and_reuses_the_cache()
    {
        using var dir = new TempDir();
        var store = Store(dir);
        var all = Enumerable.Range(0, store.Count).ToArray();
        var first = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("cache"));
        Assert.Equal([6, 7], first.PerClass);
        Assert.False(first.FromCache);
        Assert.All(first.Files, f => Assert.StartsWith(first.Hashes[Array.IndexOf(first.Files, f)][..16], Path.GetFileName(f), StringComparison.Ordinal));

        var again = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("cache"));
        Assert.True(again.FromCache);
        Assert.Equal(first.Hashes, again.Hashes);
        Assert.Equal(first.Pixels, again.Pixels);

        var fresh = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("other-cache"));
        Assert.False(fresh.FromCache);
        Assert.Equal(first.Hashes, fresh.Hashes);

        var otherSeed = RebalanceGenerator.Generate(Spec, store, all, new Seeds(2), "s", dir.Combine("cache"));
        Assert.False(otherSeed.FromCache);
        Assert.NotEqual(first.Hashes, otherSeed.Hashes);
    }

    [Fact]
    public void Each_image_depends_only_on_its_class_and_index()
    {
        using var dir = new TempDir();
        var store = Store(dir);
        var all = Enumerable.Range(0, store.Count).ToArray();
        var ten = RebalanceGenerator.Generate(Spec with { TargetPerClass = null, SamplesPerClass = 10 }, store, all, new Seeds(1), "s", dir.Combine("a"));
        var five = RebalanceGenerator.Generate(Spec with { TargetPerClass = null, SamplesPerClass = 5 }, store, all, new Seeds(1), "s", dir.Combine("b"));
        // Asking for fewer images yields a prefix of each class's sequence: nothing shifts.
        Assert.Equal(five.Hashes[..5], ten.Hashes[..5]);
        Assert.Equal(five.Hashes[5..10], ten.Hashes[10..15]);
    }

    [Fact]
    public void Augmentor_output_saves_jpeg_sources_as_quality_75_jpeg_and_trains_on_the_decoded_file()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 2, perClass: 3, size: 24);
        foreach (var png in Directory.GetFiles(dir.Combine("Train", "class_0"), "*.png"))
        {
            using var image = SixLabors.ImageSharp.Image.Load(png);
            image.SaveAsJpeg(Path.ChangeExtension(png, ".jpg"));
            File.Delete(png);
        }
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Combine("Train")), 24, 24, BadImagePolicy.Fail);
        var all = Enumerable.Range(0, store.Count).ToArray();
        var spec = Spec with { TargetPerClass = null, SamplesPerClass = 4 };
        var made = RebalanceGenerator.Generate(spec with { Output = RebalanceOutput.Augmentor }, store, all, new Seeds(1), "s", dir.Combine("aug"));
        Assert.Equal(new[] { ".jpg", ".jpg", ".jpg", ".jpg", ".png", ".png", ".png", ".png" }, made.Files.Select(f => Path.GetExtension(f)).ToArray());
        var first = made.Pixels.AsSpan(0, store.ImageBytes).ToArray();
        using var reread = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(made.Files[0]);
        var fromFile = new byte[store.ImageBytes];
        reread.CopyPixelDataTo(fromFile);
        Assert.Equal(fromFile, first);

        var lossless = RebalanceGenerator.Generate(spec, store, all, new Seeds(1), "s", dir.Combine("png"));
        Assert.All(lossless.Files, f => Assert.Equal(".png", Path.GetExtension(f)));
    }

    [Theory]
    [InlineData(180, 180, 10, 210, 210)]
    [InlineData(180, 180, 0, 180, 180)]
    [InlineData(200, 100, 90, 100, 200)]
    public void Pil_expanded_canvas_is_the_outer_pixel_bounds(int w, int h, double degrees, int expectedW, int expectedH) =>
        Assert.Equal((expectedW, expectedH), GeometricOps.PilExpandedSize(w, h, degrees));

    [Fact]
    public void Imagesharp_rounds_the_canvas_where_pil_expands_it()
    {
        // The difference the augmentor output mode exists for: at 10 degrees ImageSharp's canvas is smaller than PIL's 210.
        using var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(180, 180);
        image.Mutate(x => x.Rotate(10, SixLabors.ImageSharp.Processing.KnownResamplers.Bicubic));
        Assert.True(image.Width < 210, $"ImageSharp canvas {image.Width}");
    }
}
