using MelanomaExp.Acquisition;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Acquisition;

public class DatasetManifestTests
{
    [Fact]
    public void The_shipped_manifest_lists_the_study_s_2359_files()
    {
        var manifest = DatasetManifest.Shipped();

        Assert.Equal(2359, manifest.Entries.Count);
        Assert.Equal(2241, manifest.Entries.Count(e => e.Path.StartsWith("Train/", StringComparison.Ordinal)));
        Assert.Equal(118, manifest.Entries.Count(e => e.Path.StartsWith("Test/", StringComparison.Ordinal)));
        Assert.Equal(9, manifest.Entries.Select(e => e.Path.Split('/')[1]).Distinct().Count());
        Assert.Equal(438, manifest.Entries.Count(e => e.Path.StartsWith("Train/melanoma/", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void The_real_training_images_match_the_shipped_manifest()
    {
        var real = Prerequisite.RealData();

        var check = ManifestCheck.Folder(DatasetManifest.Shipped(), real);

        // Every file present must match the manifest, whichever splits the shared copy holds (Train, and Test
        // since it was added); a split that is present is present whole.
        var present = new[] { "Train", "Test" }.Where(s => Directory.Exists(Path.Combine(real, s))).ToList();
        Assert.Contains("Train", present);
        var expected = DatasetManifest.Shipped().Entries.Count(e => present.Any(s => e.Path.StartsWith(s + "/", StringComparison.Ordinal)));
        Assert.Equal(expected, check.Verified);
        Assert.Empty(check.Wrong);
        Assert.All(check.Missing, m => Assert.DoesNotContain(m[..m.IndexOf('/', StringComparison.Ordinal)], present));
    }

    [Theory]
    [InlineData("path,bytes,sha256\n", ":1: expected the header")]
    [InlineData("path\tbytes\tsha256\nTrain/a.jpg\t12\tabc\n", ":2: expected 'path<tab>bytes<tab>sha256'")]
    [InlineData("path\tbytes\tsha256\n../a.jpg\t12\t" + Zeros + "\n", ":2: expected")]
    [InlineData("path\tbytes\tsha256\nTrain/a.jpg\t1\t" + Zeros + "\nTrain/a.jpg\t1\t" + Zeros + "\n", ":3: Train/a.jpg is listed twice")]
    [InlineData("path\tbytes\tsha256\n", ": lists no files")]
    public void A_malformed_manifest_names_its_line(string text, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => DatasetManifest.Parse(new StringReader(text), "m.tsv"));

        Assert.Contains("m.tsv" + expected, e.Message, StringComparison.Ordinal);
    }

    private const string Zeros = "0000000000000000000000000000000000000000000000000000000000000000";
}
