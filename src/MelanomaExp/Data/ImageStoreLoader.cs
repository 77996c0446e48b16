using MelanomaExp.Config;

namespace MelanomaExp.Data;

/// <summary>Decodes every file of an index once, in parallel, into an <see cref="ImageStore"/>.</summary>
internal static class ImageStoreLoader
{
    /// <param name="skipHint">How the caller's user can skip bad files, for the error message; null when they cannot.</param>
    public static ImageStore Load(DatasetIndex index, int height, int width, BadImagePolicy policy, string? skipHint = "data.on_bad_image: skip leaves them out")
    {
        var size = height * width * 3;
        var pixels = new byte[(long)index.Images.Count * size];
        var errors = new string?[index.Images.Count];
        var hashes = new string[index.Images.Count];
        Parallel.For(0, index.Images.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var entry = index.Images[i];
            var bytes = ImageFiles.Read(entry.Path, ImageFiles.HomeOf(entry.Path, index.Root, index.Classes[entry.Label]), out var odd);
            if (bytes is null)
            {
                hashes[i] = "";
                errors[i] = odd;
                return;
            }
            hashes[i] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            errors[i] = ImageDecoder.TryDecode(bytes, height, width, pixels.AsSpan(i * size, size));
        });

        var bad = index.Images.Select((img, i) => errors[i] is { } why ? new BadImage(img.Path, why) : null).OfType<BadImage>().ToList();
        if (bad.Count > 0 && policy == BadImagePolicy.Fail)
        {
            throw Unreadable(bad, skipHint);
        }
        if (bad.Count == 0)
        {
            return new ImageStore(index.Classes, height, width, pixels, index.Images.Select(i => i.Label).ToArray(), index.Images.Select(i => i.Path).ToArray(), bad) { Hashes = hashes };
        }
        var keep = Enumerable.Range(0, index.Images.Count).Where(i => errors[i] is null).ToArray();
        var compact = new byte[(long)keep.Length * size];
        for (var k = 0; k < keep.Length; k++)
        {
            pixels.AsSpan(keep[k] * size, size).CopyTo(compact.AsSpan(k * size, size));
        }
        var labels = keep.Select(i => index.Images[i].Label).ToArray();
        var missing = index.Classes.Where((_, c) => !labels.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new BadInputException($"{index.Root}: after skipping unreadable images, class(es) {string.Join(", ", missing)} have no images left");
        }
        return new ImageStore(index.Classes, height, width, compact, labels, keep.Select(i => index.Images[i].Path).ToArray(), bad) { Hashes = keep.Select(i => hashes[i]).ToArray() };
    }

    /// <summary>The error for unreadable images under the fail policy: how many, the first ten, and how to skip them.</summary>
    internal static BadInputException Unreadable(IReadOnlyList<BadImage> bad, string? skipHint)
    {
        var list = string.Join(Environment.NewLine, bad.Take(10).Select(b => $"  {b.Path}: {b.Reason}"));
        var more = bad.Count > 10 ? $"{Environment.NewLine}  ... and {bad.Count - 10} more" : "";
        var hint = skipHint is null ? "" : $" ({skipHint})";
        return new BadInputException($"{bad.Count} unreadable image(s){hint}:{Environment.NewLine}{list}{more}");
    }
}
