using MelanomaExp.Reporting;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Reporting;

public class CompactPngTests
{
    /// <summary>A chart as committed: an 8-bit palette PNG, well under half ScottPlot's RGBA bytes, the same picture to the eye.</summary>
    [Fact]
    public void A_chart_is_a_palette_png_of_the_same_picture_in_far_fewer_bytes()
    {
        var plot = new ScottPlot.Plot();
        var xs = Enumerable.Range(0, 50).Select(i => (double)i).ToArray();
        plot.Add.Scatter(xs, [.. xs.Select(x => Math.Sin(x / 5))]);
        plot.Add.Scatter(xs, [.. xs.Select(x => Math.Cos(x / 7))]);
        plot.Title("validation accuracy");
        var rgba = plot.GetImageBytes(800, 450, ScottPlot.ImageFormat.Png);

        var compact = CompactPng.Encode(rgba);

        // IHDR's colour type, byte 25 of the file: 3 is indexed colour, 6 ScottPlot's RGBA.
        Assert.Equal((6, 3), (rgba[25], compact[25]));
        Assert.True(compact.Length < rgba.Length / 2, $"{rgba.Length} -> {compact.Length} bytes");
        using var before = Image.Load<Rgba32>(rgba);
        using var after = Image.Load<Rgba32>(compact);
        Assert.Equal((before.Width, before.Height), (after.Width, after.Height));
        double difference = 0;
        for (var y = 0; y < before.Height; y++)
        {
            for (var x = 0; x < before.Width; x++)
            {
                var (a, b) = (before[x, y], after[x, y]);
                difference += Math.Abs(a.R - b.R) + Math.Abs(a.G - b.G) + Math.Abs(a.B - b.B);
            }
        }
        // Mean absolute error per channel under one level of 255: the background, axes and lines keep their colours.
        Assert.True(difference / (3.0 * before.Width * before.Height) < 1, $"mean difference {difference / (3.0 * before.Width * before.Height):F3}");
    }
}
