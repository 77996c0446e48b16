using static TorchSharp.torch;

namespace MelanomaExp.Augmentation.Online;

/// <summary>
/// Random hue and saturation per image, as one 3x3 colour matrix each. Hue turns the chroma plane of
/// YIQ about the luma axis (luma Y = 0.299 R + 0.587 G + 0.114 B is kept, greys stay grey); saturation
/// blends each pixel with its own luma grey by a factor (0 = grey, 1 = unchanged, 2 = twice as vivid).
/// Meant to stop a network from relying on a collection's colour balance.
/// </summary>
internal static class ColourJitter
{
    private static readonly double[,] ToYiq =
    {
        { 0.299, 0.587, 0.114 },
        { 0.595716, -0.274453, -0.321263 },
        { 0.211456, -0.522591, 0.311135 },
    };

    /// <summary>One matrix per image (row-major, 9 values) for hue turns within ±<paramref name="hue"/> of a full turn and saturation factors within 1 ± <paramref name="saturation"/>.</summary>
    public static float[] Draw(Random rng, int n, double hue, double saturation)
    {
        var all = new float[n * 9];
        for (var i = 0; i < n; i++)
        {
            var turn = hue == 0 ? 0 : ((rng.NextDouble() * 2) - 1) * hue;
            var factor = saturation == 0 ? 1 : 1 + (((rng.NextDouble() * 2) - 1) * saturation);
            Matrix(turn, factor).CopyTo(all, i * 9);
        }
        return all;
    }

    /// <summary>RGB -> YIQ, turn (I, Q) by <paramref name="turn"/> x 2 pi and scale it by <paramref name="saturation"/>, YIQ -> RGB.</summary>
    public static float[] Matrix(double turn, double saturation)
    {
        var (cos, sin) = (Math.Cos(turn * 2 * Math.PI) * saturation, Math.Sin(turn * 2 * Math.PI) * saturation);
        double[,] inYiq = { { 1, 0, 0 }, { 0, cos, -sin }, { 0, sin, cos } };
        var fromYiq = Invert(ToYiq);
        var m = Multiply(fromYiq, Multiply(inYiq, ToYiq));
        return Enumerable.Range(0, 9).Select(k => (float)m[k / 3, k % 3]).ToArray();
    }

    /// <summary>Images N x 3 x H x W (0..255) times each image's matrix, clamped to 0..255; same memory order as the input.</summary>
    public static Tensor Apply(Tensor images, float[] matrices)
    {
        var n = images.shape[0];
        using var scope = NewDisposeScope();
        var m = tensor(matrices, [n, 3, 3], device: images.device);
        var flat = images.reshape(n, 3, -1);
        var mixed = m.bmm(flat).reshape(images.shape).clamp(0, 255);
        var result = Models.ChannelsLast.Is(images) ? Models.ChannelsLast.Of(mixed) : mixed;
        return result.MoveToOuterDisposeScope();
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var r = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 3; k++)
                {
                    r[i, j] += a[i, k] * b[k, j];
                }
            }
        }
        return r;
    }

    private static double[,] Invert(double[,] m) => MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(m).Inverse().ToArray();
}
