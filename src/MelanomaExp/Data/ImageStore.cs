namespace MelanomaExp.Data;

/// <summary>
/// A decoded dataset kept as bytes (N x H x W x 3, uint8): 2,241 images at 180x180 are 218 MB as
/// bytes, four times that as floats. Batches are converted to floats only when used.
/// </summary>
public sealed class ImageStore
{
    public ImageStore(IReadOnlyList<string> classes, int height, int width, byte[] pixels, int[] labels, string[] paths, IReadOnlyList<BadImage> skipped)
    {
        Classes = classes;
        Height = height;
        Width = width;
        Pixels = pixels;
        Labels = labels;
        Paths = paths;
        Skipped = skipped;
    }

    public IReadOnlyList<string> Classes { get; }

    public int Height { get; }

    public int Width { get; }

    public byte[] Pixels { get; }

    public int[] Labels { get; }

    public string[] Paths { get; }

    /// <summary>sha256 of each file's bytes, for the dataset fingerprint.</summary>
    public string[] Hashes { get; init; } = [];

    /// <summary>Files left out under <c>on_bad_image: skip</c>.</summary>
    public IReadOnlyList<BadImage> Skipped { get; }

    public int Count => Labels.Length;

    public int ImageBytes => Height * Width * 3;

    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageBytes, ImageBytes);

    /// <summary>This store followed by extra images of the same size and classes (generated ones, for example).</summary>
    public ImageStore Append(byte[] pixels, int[] labels, string[] paths, string[] hashes)
    {
        var joined = new byte[Pixels.LongLength + pixels.LongLength];
        Pixels.CopyTo(joined, 0);
        pixels.CopyTo(joined, Pixels.LongLength);
        return new ImageStore(Classes, Height, Width, joined, [.. Labels, .. labels], [.. Paths, .. paths], Skipped) { Hashes = [.. Hashes, .. hashes] };
    }
}
