using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>Augmentor's random_brightness and random_contrast, with PIL ImageEnhance's formulas.</summary>
internal static class ColorOps
{
    /// <summary>Pixel values times a factor from [min, max] (PIL: a blend with black).</summary>
    public static void Brightness(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var f = AugmentorOps.Uniform(rng, p["min_factor"], p["max_factor"]);
        Map(image, (v, _) => v * f);
    }

    /// <summary>Distance from the image's mean grey level times a factor from [min, max] (PIL: a blend with the mean).</summary>
    public static void Contrast(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var f = AugmentorOps.Uniform(rng, p["min_factor"], p["max_factor"]);
        double sum = 0;
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (var px in rows.GetRowSpan(y))
                {
                    sum += (px.R * 299 + px.G * 587 + px.B * 114) / 1000.0;
                }
            }
        });
        var mean = Math.Round(sum / (image.Width * image.Height));
        Map(image, (v, _) => mean + ((v - mean) * f));
    }

    private static void Map(Image<Rgb24> image, Func<double, int, double> f) => image.ProcessPixelRows(rows =>
    {
        for (var y = 0; y < rows.Height; y++)
        {
            var row = rows.GetRowSpan(y);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = new Rgb24(Clamp(f(row[x].R, 0)), Clamp(f(row[x].G, 1)), Clamp(f(row[x].B, 2)));
            }
        }
    });

    private static byte Clamp(double v) => (byte)Math.Clamp(Math.Round(v), 0, 255);
}
