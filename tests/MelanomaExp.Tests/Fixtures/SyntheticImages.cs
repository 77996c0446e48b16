using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>Writes small class-folder datasets whose classes differ by colour, so a CNN can learn them quickly.</summary>
public static class SyntheticImages
{
    public static readonly Rgb24[] Palette = [new(200, 40, 40), new(40, 60, 200), new(40, 180, 60)];

    /// <summary>Creates <c>root/class_i/img_j.png</c> (or .jpg) with a noisy tint of the class colour.</summary>
    public static void WriteDataset(string root, int classes, int perClass, int size = 32, bool jpeg = false, int seed = 1)
    {
        var rng = new Random(seed);
        for (var c = 0; c < classes; c++)
        {
            var dir = Path.Combine(root, $"class_{c}");
            Directory.CreateDirectory(dir);
            for (var i = 0; i < perClass; i++)
            {
                using var image = Noisy(Palette[c % Palette.Length], size, rng);
                var file = Path.Combine(dir, $"img_{i:D3}.{(jpeg ? "jpg" : "png")}");
                if (jpeg)
                {
                    image.SaveAsJpeg(file);
                }
                else
                {
                    image.SaveAsPng(file);
                }
            }
        }
    }

    public static Image<Rgb24> Noisy(Rgb24 tint, int size, Random rng)
    {
        var image = new Image<Rgb24>(size, size);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                image[x, y] = new Rgb24(Jitter(tint.R, rng), Jitter(tint.G, rng), Jitter(tint.B, rng));
            }
        }
        return image;
    }

    private static byte Jitter(byte v, Random rng) => (byte)Math.Clamp(v + rng.Next(-40, 41), 0, 255);
}
