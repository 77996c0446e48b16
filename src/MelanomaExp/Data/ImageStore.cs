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

    /// <summary>Only the images at <paramref name="keep"/>, in that order.</summary>
    public ImageStore Subset(int[] keep)
    {
        var pixels = new byte[(long)keep.Length * ImageBytes];
        for (var k = 0; k < keep.Length; k++)
        {
            Image(keep[k]).CopyTo(pixels.AsSpan(k * ImageBytes, ImageBytes));
        }
        return new ImageStore(Classes, Height, Width, pixels, keep.Select(i => Labels[i]).ToArray(), keep.Select(i => Paths[i]).ToArray(), Skipped)
        {
            Hashes = Hashes.Length == Count ? keep.Select(i => Hashes[i]).ToArray() : [],
        };
    }

    /// <summary>This store followed by extra images of the same size and classes (generated ones, for example).</summary>
    public ImageStore Append(byte[] pixels, int[] labels, string[] paths, string[] hashes)
    {
        var joined = new byte[Pixels.LongLength + pixels.LongLength];
        Pixels.CopyTo(joined, 0);
        pixels.CopyTo(joined, Pixels.LongLength);
        return new ImageStore(Classes, Height, Width, joined, [.. Labels, .. labels], [.. Paths, .. paths], Skipped) { Hashes = [.. Hashes, .. hashes] };
    }
}
