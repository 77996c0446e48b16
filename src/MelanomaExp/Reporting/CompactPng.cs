using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing.Processors.Quantization;

namespace MelanomaExp.Reporting;

/// <summary>
/// Every chart and gallery is committed with its report, so they are written small: 8-bit palette PNGs (Wu's
/// quantizer, 256 colours, no dithering, so flat chart colours stay flat) at zlib's best level. A chart is about a
/// third of the RGBA file ScottPlot or SkiaSharp write, with no visible change; a gallery of dermoscopy tiles about
/// a quarter, with the tiles' colours rounded to the palette (they are illustrations: the figures come from the model).
/// </summary>
internal static class CompactPng
{
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Palette,
        CompressionLevel = PngCompressionLevel.BestCompression,
        Quantizer = new WuQuantizer(new QuantizerOptions { Dither = null, MaxColors = 256 }),
    };

    /// <summary>The same picture as <paramref name="png"/>, re-encoded compactly.</summary>
    public static byte[] Encode(byte[] png)
    {
        using var image = Image.Load<Rgba32>(png);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, Encoder);
        return stream.ToArray();
    }

    /// <summary>The plot drawn at <paramref name="width"/> x <paramref name="height"/> and written to <paramref name="path"/> compactly.</summary>
    public static void Save(ScottPlot.Plot plot, string path, int width, int height) =>
        File.WriteAllBytes(path, Encode(plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png)));
}
