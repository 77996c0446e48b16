using MelanomaExp.Results;
using SkiaSharp;

namespace MelanomaExp.Reporting;

/// <summary>One training image per class in a labelled grid (the notebook's "visualise one instance of each class").</summary>
internal static class SampleGrid
{
    private const int DefaultColumns = 3;
    private const int Tile = 200;
    private const int Caption = 28;

    public static void Write(DatasetSummary data, string path) =>
        Write(data.Classes, data.SampleImages, data.ImageHeight, data.ImageWidth, path);

    /// <summary>A labelled grid of RGB images (height x width x 3 bytes); a null image leaves its tile blank.</summary>
    public static void Write(IReadOnlyList<string> captions, IReadOnlyList<byte[]?> images, int height, int width, string path, int columns = DefaultColumns) =>
        File.WriteAllBytes(path, Encode(captions, images, height, width, columns));

    /// <summary>The grid as PNG bytes.</summary>
    public static byte[] Encode(IReadOnlyList<string> captions, IReadOnlyList<byte[]?> images, int height, int width, int columns = DefaultColumns)
    {
        var rows = (captions.Count + columns - 1) / columns;
        using var canvasBitmap = new SKBitmap(columns * Tile, rows * (Tile + Caption));
        using var canvas = new SKCanvas(canvasBitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 13);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var c = 0; c < captions.Count; c++)
        {
            var x = c % columns * Tile;
            var y = c / columns * (Tile + Caption);
            if (images[c] is { } pixels)
            {
                using var tile = TileGrid.Bitmap(pixels, height, width);
                canvas.DrawBitmap(tile, new SKRect(x, y, x + Tile, y + Tile), new SKPaint());
            }
            canvas.DrawText(captions[c], x + (Tile / 2f), y + Tile + 19, SKTextAlign.Center, font, ink);
        }
        using var image = SKImage.FromBitmap(canvasBitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return CompactPng.Encode(png.ToArray());
    }
}
