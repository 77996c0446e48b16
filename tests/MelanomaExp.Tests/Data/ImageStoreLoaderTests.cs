using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Tests.Fixtures;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Data;

public class ImageStoreLoaderTests
{
    [Fact]
    public void Decodes_to_rgb_bytes_at_the_requested_size()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("a"));
        using (var image = new Image<Rgb24>(20, 10, new Rgb24(10, 20, 30)))
        {
            image.SaveAsPng(dir.Combine("a", "x.png"));
        }
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 8, 6, BadImagePolicy.Fail);
        Assert.Equal(8 * 6 * 3, store.Pixels.Length);
        Assert.Equal([10, 20, 30], store.Image(0)[..3].ToArray());
        Assert.Equal([10, 20, 30], store.Image(0)[^3..].ToArray());
    }

    [Fact]
    public void Exif_orientation_is_applied()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Combine("a"));
        using (var image = new Image<Rgb24>(4, 2, new Rgb24(0, 0, 0)))
        {
            image[0, 0] = new Rgb24(255, 0, 0);
            image.Metadata.ExifProfile = new SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifProfile();
            image.Metadata.ExifProfile.SetValue(SixLabors.ImageSharp.Metadata.Profiles.Exif.ExifTag.Orientation, (ushort)6);
            image.SaveAsPng(dir.Combine("a", "rotated.png"));
        }
        // Orientation 6 means "rotate 90 degrees clockwise to display": the 4x2 image becomes 2x4 and the
        // red top-left pixel moves to the top-right.
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 4, 2, BadImagePolicy.Fail);
        Assert.Equal([255, 0, 0], store.Image(0).Slice(3, 3).ToArray());
    }

    [Fact]
    public void Bad_files_fail_the_load_and_are_all_named()
    {
        using var dir = BadDataset();
        var e = Assert.Throws<BadInputException>(() => ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 16, 16, BadImagePolicy.Fail));
        Assert.Contains("3 unreadable", e.Message, StringComparison.Ordinal);
        Assert.Contains("empty.jpg: empty file", e.Message, StringComparison.Ordinal);
        Assert.Contains("text.jpg", e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated.jpg: truncated JPEG", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_policy_leaves_bad_files_out_and_records_them()
    {
        using var dir = BadDataset();
        var store = ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 16, 16, BadImagePolicy.Skip);
        Assert.Equal(6, store.Count);
        Assert.Equal(3, store.Skipped.Count);
        Assert.DoesNotContain(store.Paths, p => p.EndsWith("empty.jpg", StringComparison.Ordinal));
    }

    private static TempDir BadDataset()
    {
        var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Path, classes: 2, perClass: 3, size: 16, jpeg: true);
        File.WriteAllBytes(dir.Combine("class_0", "empty.jpg"), []);
        File.WriteAllText(dir.Combine("class_0", "text.jpg"), "this is not an image");
        var good = File.ReadAllBytes(dir.Combine("class_1", "img_000.jpg"));
        File.WriteAllBytes(dir.Combine("class_1", "truncated.jpg"), good[..(good.Length / 2)]);
        return dir;
    }
}
