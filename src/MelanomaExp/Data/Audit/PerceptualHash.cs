using System.Numerics;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MelanomaExp.Data.Audit;

/// <summary>
/// The DCT perceptual hash: grey 32x32, 2-D DCT, the 8x8 lowest frequencies (DC excluded) compared
/// with their median gives 64 bits. Re-encoding, resizing and small edits move few bits; different
/// images differ in about half. One hash per flip/rotation of the image, so transformed copies match too.
/// </summary>
internal static class PerceptualHash
{
    private const int Size = 32;
    private const int Low = 8;
    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>Hashes of the image under the 8 flips and quarter turns (index 0 = as is).</summary>
    public static ulong[] Dihedral(ReadOnlySpan<byte> rgb, int height, int width)
    {
        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        image.Mutate(x => x.Resize(Size, Size, KnownResamplers.Triangle));
        var grey = new double[Size, Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var p = image[x, y];
                grey[y, x] = (0.299 * p.R) + (0.587 * p.G) + (0.114 * p.B);
            }
        }
        var hashes = new ulong[8];
        for (var t = 0; t < 8; t++)
        {
            hashes[t] = Hash(Transform(grey, t));
        }
        return hashes;
    }

    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static ulong Hash(double[,] grey)
    {
        // Separable DCT-II, only the low-frequency block is needed: C * G * C^T restricted to 8x8.
        var rows = new double[Low, Size];
        for (var u = 0; u < Low; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                double sum = 0;
                for (var y = 0; y < Size; y++)
                {
                    sum += Cosines[u, y] * grey[y, x];
                }
                rows[u, x] = sum;
            }
        }
        var coefficients = new double[(Low * Low) - 1];
        var k = 0;
        for (var u = 0; u < Low; u++)
        {
            for (var v = 0; v < Low; v++)
            {
                if (u == 0 && v == 0)
                {
                    continue;
                }
                double sum = 0;
                for (var x = 0; x < Size; x++)
                {
                    sum += rows[u, x] * Cosines[v, x];
                }
                coefficients[k++] = sum;
            }
        }
        var median = coefficients.Order().ElementAt(coefficients.Length / 2);
        ulong hash = 0;
        for (var i = 0; i < coefficients.Length; i++)
        {
            if (coefficients[i] > median)
            {
                hash |= 1UL << i;
            }
        }
        return hash;
    }

    /// <summary>t in 0..7: bit 2 transposes, bit 1 flips vertically, bit 0 flips horizontally.</summary>
    private static double[,] Transform(double[,] g, int t)
    {
        var result = new double[Size, Size];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var (sy, sx) = (t & 4) != 0 ? (x, y) : (y, x);
                sy = (t & 2) != 0 ? Size - 1 - sy : sy;
                sx = (t & 1) != 0 ? Size - 1 - sx : sx;
                result[y, x] = g[sy, sx];
            }
        }
        return result;
    }

    private static double[,] BuildCosines()
    {
        var c = new double[Size, Size];
        for (var u = 0; u < Size; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                c[u, x] = Math.Cos((2 * x + 1) * u * Math.PI / (2 * Size));
            }
        }
        return c;
    }
}
