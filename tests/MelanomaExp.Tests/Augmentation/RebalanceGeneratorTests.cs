using MelanomaExp.Augmentation.Offline;
using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Seeding;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Augmentation;

public class RebalanceGeneratorTests
{
    private static readonly RebalanceSpec Spec = new(null, 10, RebalanceScope.TrainSplit,
    [
        new("rotate", 0.7, new Dictionary<string, double> { ["max_left"] = 10, ["max_right"] = 10 }),
        new("flip_left_right", 0.5, new Dictionary<string, double>()),
    ]);

    private static ImageStore Store(TempDir dir)
    {
        SyntheticImages.WriteDataset(dir.Combine("Train"), classes: 2, perClass: 4, size: 24);
        File.Delete(dir.Combine("Train", "class_1", "img_003.png"));
        return ImageStoreLoader.Load(DatasetScanner.Scan(dir.Combine("Train")), 24, 24, BadImagePolicy.Fail);
    }

    [Fact]
    public void Tops_every_class_up_reproducibly_names_files_by_content_and_reuses_the_cache()
    {
        using var dir = new TempDir();
        var store = Store(dir);
        var all = Enumerable.Range(0, store.Count).ToArray();
        var first = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("cache"));
        Assert.Equal([6, 7], first.PerClass);
        Assert.False(first.FromCache);
        Assert.All(first.Files, f => Assert.StartsWith(first.Hashes[Array.IndexOf(first.Files, f)][..16], Path.GetFileName(f), StringComparison.Ordinal));

        var again = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("cache"));
        Assert.True(again.FromCache);
        Assert.Equal(first.Hashes, again.Hashes);
        Assert.Equal(first.Pixels, again.Pixels);

        var fresh = RebalanceGenerator.Generate(Spec, store, all, new Seeds(1), "s", dir.Combine("other-cache"));
        Assert.False(fresh.FromCache);
        Assert.Equal(first.Hashes, fresh.Hashes);

        var otherSeed = RebalanceGenerator.Generate(Spec, store, all, new Seeds(2), "s", dir.Combine("cache"));
        Assert.False(otherSeed.FromCache);
        Assert.NotEqual(first.Hashes, otherSeed.Hashes);
    }

    [Fact]
    public void Each_image_depends_only_on_its_class_and_index()
    {
        using var dir = new TempDir();
        var store = Store(dir);
        var all = Enumerable.Range(0, store.Count).ToArray();
        var ten = RebalanceGenerator.Generate(Spec with { TargetPerClass = null, SamplesPerClass = 10 }, store, all, new Seeds(1), "s", dir.Combine("a"));
        var five = RebalanceGenerator.Generate(Spec with { TargetPerClass = null, SamplesPerClass = 5 }, store, all, new Seeds(1), "s", dir.Combine("b"));
        // Asking for fewer images yields a prefix of each class's sequence: nothing shifts.
        Assert.Equal(five.Hashes[..5], ten.Hashes[..5]);
        Assert.Equal(five.Hashes[5..10], ten.Hashes[10..15]);
    }
}
