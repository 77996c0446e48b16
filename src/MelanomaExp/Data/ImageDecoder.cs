using System.Runtime.InteropServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace MelanomaExp.Data;

/// <summary>
/// Decodes one file to RGB bytes (height x width x 3): bilinear stretch to size, as Keras loads it, and
/// EXIF orientation applied, which Keras does not do (none of the ISIC images carries an Exif block, so
/// the two agree on this dataset).
/// </summary>
internal static class ImageDecoder
{
    /// <summary>Larger images are refused before decoding: a crafted header must not allocate gigabytes.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Multi-frame files (an animated GIF named .jpg) decode their first frame only, so memory stays that of one image.</summary>
    private static readonly Configuration FirstFrameOnly = FirstFrame();

    private static Configuration FirstFrame()
    {
        var config = Configuration.Default.Clone();
        config.ImageFormatsManager.SetDecoder(SixLabors.ImageSharp.Formats.Gif.GifFormat.Instance, new SixLabors.ImageSharp.Formats.Gif.GifDecoder { DecodingMode = SixLabors.ImageSharp.Metadata.FrameDecodingMode.First });
        config.ImageFormatsManager.SetDecoder(SixLabors.ImageSharp.Formats.Tiff.TiffFormat.Instance, new SixLabors.ImageSharp.Formats.Tiff.TiffDecoder { DecodingMode = SixLabors.ImageSharp.Metadata.FrameDecodingMode.First });
        return config;
    }

    /// <summary>Decodes into <paramref name="target"/> (length height*width*3); returns null on success, else why the file is unusable.</summary>
    public static string? TryDecode(string path, int height, int width, Span<byte> target) =>
        TryDecode(File.ReadAllBytes(path), height, width, target);

    /// <summary>As <see cref="TryDecode(string, int, int, Span{byte})"/>, from the file's bytes already in memory.</summary>
    public static string? TryDecode(byte[] bytes, int height, int width, Span<byte> target)
    {
        try
        {
            if (bytes.Length == 0)
            {
                return "empty file";
            }
            if (LooksTruncatedJpeg(bytes))
            {
                return "truncated JPEG (no end-of-image marker)";
            }
            var info = Image.Identify(bytes);
            if (info is null)
            {
                return "not a recognised image format";
            }
            if ((long)info.Width * info.Height > MaxPixels)
            {
                return $"{info.Width}x{info.Height} pixels is over the {MaxPixels:N0}-pixel limit";
            }
            using var image = Image.Load<Rgb24>(FirstFrameOnly, bytes);
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions
            {
                Size = new Size(width, height),
                Mode = ResizeMode.Stretch,
                Sampler = KnownResamplers.Triangle,
            }));
            image.CopyPixelDataTo(MemoryMarshal.Cast<byte, Rgb24>(target));
            return null;
        }
        catch (Exception e) when (e is ImageFormatException or NotSupportedException or InvalidDataException or ArgumentException)
        {
            return e.Message;
        }
    }

    /// <summary>ImageSharp fills a cut-off JPEG with grey instead of failing; a JPEG must end with FF D9 (trailing padding allowed).</summary>
    private static bool LooksTruncatedJpeg(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        {
            return false;
        }
        var end = bytes.Length - 1;
        while (end > 1 && bytes[end] == 0)
        {
            end--;
        }
        return !(bytes[end - 1] == 0xFF && bytes[end] == 0xD9);
    }
}
