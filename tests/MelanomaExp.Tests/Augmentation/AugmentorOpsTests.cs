using MelanomaExp.Augmentation.Offline;
using MelanomaExp.Config;
using MelanomaExp.Config.Catalog;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Augmentation;

public class AugmentorOpsTests
{
    private static AugmentorOpSpec Op(string name, double probability, params (string, double)[] args) =>
        new(name, probability, args.ToDictionary(a => a.Item1, a => a.Item2));

    private static Image<Rgb24> Gradient(int size = 60)
    {
        var image = new Image<Rgb24>(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image[x, y] = new Rgb24((byte)(40 + (x * 3)), (byte)(40 + (y * 3)), 120);
            }
        }
        return image;
    }

    [Theory]
    [InlineData(0.7, 0.75)]
    [InlineData(0.0, 0.0)]
    [InlineData(1.0, 1.0)]
    public void Probability_is_compared_with_a_draw_rounded_to_one_decimal_as_augmentor_does_and_zero_means_never(double probability, double expectedRate)
    {
        var rng = new Random(1);
        using var image = new Image<Rgb24>(4, 4);
        var applied = Enumerable.Range(0, 20_000).Count(_ => AugmentorOps.Run([Op("flip_left_right", probability)], image, rng).Count == 1);
        Assert.InRange(applied / 20_000.0, expectedRate - 0.01, expectedRate + 0.01);
    }

    [Fact]
    public void Every_operation_the_catalog_accepts_is_implemented_and_no_other() =>
        Assert.Equal(AugmentorOpCatalog.Names, AugmentorOps.Implemented);

    [Fact]
    public void Rotate_keeps_the_size_and_leaves_no_empty_corners()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            using var image = Gradient();
            AugmentorOps.Run([Op("rotate", 1, ("max_left", 10), ("max_right", 10))], image, new Random(seed));
            Assert.Equal((60, 60), (image.Width, image.Height));
            foreach (var (x, y) in new[] { (0, 0), (59, 0), (0, 59), (59, 59) })
            {
                Assert.True(image[x, y].B > 60, $"seed {seed}: corner ({x},{y}) is empty fill");
            }
        }
    }

    [Theory]
    [InlineData("rotate90")]
    [InlineData("rotate180")]
    [InlineData("rotate270")]
    [InlineData("flip_top_bottom")]
    [InlineData("flip_random")]
    public void Parameterless_operations_keep_the_size_and_pixels(string name)
    {
        using var image = Gradient();
        var before = Histogram(image);
        AugmentorOps.Run([Op(name, 1)], image, new Random(3));
        Assert.Equal((60, 60), (image.Width, image.Height));
        Assert.Equal(before, Histogram(image));
    }

    /// <summary>Where each pixel must land, written from PIL's definitions (rotate is anticlockwise; Augmentor's rotate90 is rotate(90, expand=True)).</summary>
    [Theory]
    [InlineData("rotate90")]
    [InlineData("rotate180")]
    [InlineData("rotate270")]
    [InlineData("flip_left_right")]
    [InlineData("flip_top_bottom")]
    public void Quarter_turns_and_flips_move_every_pixel_where_PIL_puts_it(string name)
    {
        const int n = 5;
        using var image = new Image<Rgb24>(n, n);
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 40), (byte)(y * 40), 7);
            }
        }
        Func<int, int, (int X, int Y)> source = name switch
        {
            "rotate90" => (x, y) => (n - 1 - y, x),
            "rotate180" => (x, y) => (n - 1 - x, n - 1 - y),
            "rotate270" => (x, y) => (y, n - 1 - x),
            "flip_left_right" => (x, y) => (n - 1 - x, y),
            _ => (x, y) => (x, n - 1 - y),
        };
        AugmentorOps.Run([Op(name, 1)], image, new Random(3));
        for (var y = 0; y < n; y++)
        {
            for (var x = 0; x < n; x++)
            {
                var (sx, sy) = source(x, y);
                Assert.Equal(new Rgb24((byte)(sx * 40), (byte)(sy * 40), 7), image[x, y]);
            }
        }
    }

    [Fact]
    public void Flip_random_flips_one_way_or_the_other_both_seen()
    {
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 20; seed++)
        {
            using var image = new Image<Rgb24>(2, 2);
            image[0, 0] = new Rgb24(255, 0, 0);
            AugmentorOps.Run([Op("flip_random", 1)], image, new Random(seed));
            seen.Add(image[1, 0].R == 255 ? "left-right" : image[0, 1].R == 255 ? "top-bottom" : "neither");
        }
        Assert.Equal(["left-right", "top-bottom"], seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("zoom", "min_factor", 1.1, "max_factor", 1.5)]
    [InlineData("zoom_random", "percentage_area", 0.8, null, 0)]
    [InlineData("crop_random", "percentage_area", 0.5, null, 0)]
    [InlineData("brightness", "min_factor", 0.8, "max_factor", 1.2)]
    [InlineData("contrast", "min_factor", 0.8, "max_factor", 1.2)]
    [InlineData("skew", "magnitude", 0.4, null, 0)]
    [InlineData("random_distortion", "magnitude", 6, "grid_width", 4)]
    public void Every_operation_changes_the_image_but_not_its_size(string name, string p1, double v1, string? p2, double v2)
    {
        var args = new List<(string, double)> { (p1, v1) };
        if (p2 is not null)
        {
            args.Add((p2, v2));
        }
        foreach (var p in AugmentorOpCatalog.Parameters(name)!.Where(p => args.All(a => a.Item1 != p.Name)))
        {
            args.Add((p.Name, p.Default ?? p.Min));
        }
        using var image = Gradient();
        using var original = image.Clone();
        AugmentorOps.Run([Op(name, 1, [.. args])], image, new Random(7));
        Assert.Equal((60, 60), (image.Width, image.Height));
        Assert.NotEqual(Pixels(original), Pixels(image));
    }

    private static byte[] Pixels(Image<Rgb24> image)
    {
        var bytes = new byte[image.Width * image.Height * 3];
        image.CopyPixelDataTo(bytes);
        return bytes;
    }

    private static string Histogram(Image<Rgb24> image) => string.Join(',', Pixels(image).GroupBy(b => b).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));
}
