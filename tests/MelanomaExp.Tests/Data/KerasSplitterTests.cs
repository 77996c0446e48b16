using MelanomaExp.Acquisition;
using MelanomaExp.Data;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Tests.Seeding;

namespace MelanomaExp.Tests.Data;

/// <summary>
/// Oracle: the 448 validation paths Keras 2 (numpy 1.24) chose for seed 123 on the real Train folder,
/// computed from the dataset's file list (the manifest the tool ships, src/MelanomaExp/Acquisition/isic-9class-files.tsv), so no image is needed.
/// </summary>
public class KerasSplitterTests
{
    private static (int[] Labels, string[] Paths, List<string> Classes) TrainListing()
    {
        var relative = DatasetManifest.Shipped().Entries.Select(e => e.Path).Where(p => p.StartsWith("Train/", StringComparison.Ordinal)).Select(p => p["Train/".Length..]).ToList();
        var classes = relative.Select(p => p[..p.IndexOf('/', StringComparison.Ordinal)]).Distinct().Order(StringComparer.Ordinal).ToList();
        // Deliberately scrambled: the splitter must impose Keras' order itself.
        var scrambled = relative.OrderByDescending(p => p, StringComparer.Ordinal).ToArray();
        return (scrambled.Select(p => classes.IndexOf(p[..p.IndexOf('/', StringComparison.Ordinal)])).ToArray(), scrambled.Select(p => Path.Combine("/data/Train", p)).ToArray(), classes);
    }

    [Fact]
    public void Validation_of_the_real_train_folder_is_keras_own_448_paths_in_keras_order()
    {
        var (labels, paths, _) = TrainListing();
        Assert.Equal(2241, labels.Length);
        var expected = NumpyRandomStateTests.Reference.GetProperty("validation_in_keras_order").EnumerateArray().Select(e => e.GetString()).ToArray();
        var validation = KerasSplitter.ValidationInKerasOrder(labels, paths, labels.Length, 0.2, 123);
        Assert.Equal(448, validation.Length);
        Assert.Equal(expected, validation.Select(i => Path.GetRelativePath("/data/Train", paths[i])).ToArray());
    }

    [Fact]
    public void Split_truncates_the_count_and_partitions_every_image()
    {
        var (labels, paths, _) = TrainListing();
        var keep = Enumerable.Range(0, 2103).ToArray();
        var split = KerasSplitter.Make(keep.Select(i => labels[i]).ToArray(), keep.Select(i => paths[i]).ToArray(), keep.Length, 0.2, 123);
        Assert.Equal(420, split.Validation.Length); // int(0.2 * 2103) = 420; rounding would give 421
        Assert.Equal(keep.Length, split.Train.Concat(split.Validation).Distinct().Count());
    }

    [Fact]
    public void Generated_images_sort_after_their_class_originals_like_an_output_subfolder()
    {
        var labels = new[] { 0, 0, 1, 0, 1 };
        var paths = new[] { "/d/a/z.jpg", "/d/a/b.jpg", "/d/b/c.jpg", "/cache/a/0f.png", "/cache/b/00.png" };
        var withGenerated = KerasSplitter.ValidationInKerasOrder(labels, paths, firstGenerated: 3, 0.99, 5);
        var order = new[] { 1, 0, 3, 2, 4 }; // a/b.jpg, a/z.jpg, a/output/0f, b/c.jpg, b/output/00
        var expected = order.ToArray();
        new MelanomaExp.Seeding.NumpyRandomState(5).Shuffle(expected);
        Assert.Equal(expected[^4..], withGenerated);
    }
}
