using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Augmentation.Offline;

/// <summary>
/// Augmentor's random_distortion: the image is divided into a grid; every inner grid point moves by a
/// whole number of pixels up to <c>magnitude</c> each way, and the image is warped with it (here by
/// bilinear interpolation of the displacement, edges fixed).
/// </summary>
internal static class DistortionOp
{
    public static void Apply(Image<Rgb24> image, IReadOnlyDictionary<string, double> p, Random rng)
    {
        var (gw, gh, m) = ((int)p["grid_width"], (int)p["grid_height"], (int)p["magnitude"]);
        var (w, h) = (image.Width, image.Height);
        var dx = new double[gh + 1, gw + 1];
        var dy = new double[gh + 1, gw + 1];
        for (var j = 1; j < gh; j++)
        {
            for (var i = 1; i < gw; i++)
            {
                dx[j, i] = rng.Next(-m, m + 1);
                dy[j, i] = rng.Next(-m, m + 1);
            }
        }
        var source = new Rgb24[w * h];
        image.CopyPixelDataTo(source);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < h; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < w; x++)
                {
                    var gx = x * gw / (double)(w - 1);
                    var gy = y * gh / (double)(h - 1);
                    var sx = x + Bilinear(dx, gx, gy);
                    var sy = y + Bilinear(dy, gx, gy);
                    row[x] = Sample(source, w, h, sx, sy);
                }
            }
        });
    }

    private static double Bilinear(double[,] grid, double gx, double gy)
    {
        var (i, j) = (Math.Min((int)gx, grid.GetLength(1) - 2), Math.Min((int)gy, grid.GetLength(0) - 2));
        var (fx, fy) = (gx - i, gy - j);
        return (grid[j, i] * (1 - fx) * (1 - fy)) + (grid[j, i + 1] * fx * (1 - fy)) + (grid[j + 1, i] * (1 - fx) * fy) + (grid[j + 1, i + 1] * fx * fy);
    }

    private static Rgb24 Sample(Rgb24[] src, int w, int h, double x, double y)
    {
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        var (x0, y0) = ((int)x, (int)y);
        var (x1, y1) = (Math.Min(x0 + 1, w - 1), Math.Min(y0 + 1, h - 1));
        var (fx, fy) = (x - x0, y - y0);
        byte Mix(Func<Rgb24, byte> c) => (byte)Math.Round(
            (c(src[(y0 * w) + x0]) * (1 - fx) * (1 - fy)) + (c(src[(y0 * w) + x1]) * fx * (1 - fy)) +
            (c(src[(y1 * w) + x0]) * (1 - fx) * fy) + (c(src[(y1 * w) + x1]) * fx * fy));
        return new Rgb24(Mix(p => p.R), Mix(p => p.G), Mix(p => p.B));
    }
}
