using SkiaSharp;

namespace MelanomaExp.Reporting;

/// <summary>One image of a <see cref="TileGrid"/> (RGB, height x width x 3 bytes; null leaves it blank) and its caption lines.</summary>
internal sealed record Tile(byte[]? Rgb, IReadOnlyList<string> Lines);

/// <summary>
/// Images in a grid with each caption drawn inside its own tile, on a dark band at the bottom, so a
/// caption can never be read as belonging to the tile below or beside it.
/// </summary>
internal static class TileGrid
{
    private const int Size = 240;
    private const int LineHeight = 15;
    private const int Header = 30;

    public static byte[] Encode(IReadOnlyList<Tile> tiles, int height, int width, int columns, string? title = null)
    {
        var rows = Math.Max(1, (tiles.Count + columns - 1) / columns);
        var top = title is null ? 0 : Header;
        using var bitmap = new SKBitmap(columns * Size, top + (rows * Size));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.Default, 12);
        using var titleFont = new SKFont(SKTypeface.Default, 15);
        using var white = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var band = new SKPaint { Color = new SKColor(0, 0, 0, 170) };
        using var border = new SKPaint { Color = SKColors.White, IsStroke = true, StrokeWidth = 2 };
        if (title is not null)
        {
            canvas.DrawText(title, 8, 20, SKTextAlign.Left, titleFont, black);
        }
        for (var t = 0; t < tiles.Count; t++)
        {
            var rect = SKRect.Create(t % columns * Size, top + (t / columns * Size), Size, Size);
            if (tiles[t].Rgb is { } rgb)
            {
                using var image = Bitmap(rgb, height, width);
                canvas.DrawBitmap(image, rect);
            }
            var lines = tiles[t].Lines;
            if (lines.Count > 0)
            {
                var bandTop = rect.Bottom - (lines.Count * LineHeight) - 6;
                canvas.DrawRect(new SKRect(rect.Left, bandTop, rect.Right, rect.Bottom), band);
                for (var l = 0; l < lines.Count; l++)
                {
                    canvas.DrawText(Fit(lines[l], font, Size - 8), rect.Left + 4, bandTop + ((l + 1) * LineHeight), SKTextAlign.Left, font, white);
                }
            }
            canvas.DrawRect(rect, border);
        }
        using var png = SKImage.FromBitmap(bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return CompactPng.Encode(png.ToArray());
    }

    /// <summary>The text, shortened in the middle with an ellipsis when wider than <paramref name="width"/> pixels (file names keep their ends).</summary>
    private static string Fit(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width)
        {
            return text;
        }
        for (var keep = text.Length - 1; keep > 2; keep--)
        {
            var cut = text[..(keep / 2)] + "…" + text[^(keep - (keep / 2))..];
            if (font.MeasureText(cut) <= width)
            {
                return cut;
            }
        }
        return text[..1];
    }

    internal static SKBitmap Bitmap(byte[] rgb, int height, int width)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var rgba = new byte[width * height * 4];
        for (int i = 0, j = 0; i < rgb.Length; i += 3, j += 4)
        {
            rgba[j] = rgb[i];
            rgba[j + 1] = rgb[i + 1];
            rgba[j + 2] = rgb[i + 2];
            rgba[j + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        return bitmap;
    }
}
