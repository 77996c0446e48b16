using System.Security.Cryptography;
using MelanomaExp.Acquisition;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Acquisition;

public class DataGetterTests
{
    [Fact]
    public void Url_download_is_verified_and_laid_out_as_Train_and_Test()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        using var server = new LoopbackHttpServer();
        var url = server.Serve("/isic.zip", data.Zip(("README.txt", "not data"u8.ToArray())));
        var dest = dir.Combine("data");

        var result = DataGetter.Get(Options(data, url, dest));

        Assert.Equal(12, result.Verified);
        Assert.False(result.AlreadyComplete);
        Assert.Equal(["README.txt"], result.Extra);
        foreach (var f in data.Files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(data.Folder, f)), File.ReadAllBytes(Path.Combine(dest, f)));
        }
        Assert.False(File.Exists(Path.Combine(dest, "README.txt")));
        Assert.Equal(12, Directory.GetFiles(dest, "*.jpg", SearchOption.AllDirectories).Length);
        AssertNothingBesideDestination(dir.Path);
    }

    [Fact]
    public void A_wrong_checksum_names_the_file_and_leaves_nothing_behind()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        var victim = Path.Combine(data.Folder, data.Files[4]);
        var bytes = File.ReadAllBytes(victim);
        bytes[^3] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);
        using var server = new LoopbackHttpServer();
        var url = server.Serve("/isic.zip", data.Zip());
        var dest = dir.Combine("data");

        var e = Assert.Throws<DataCheckFailedException>(() => DataGetter.Get(Options(data, url, dest)));

        Assert.Contains($"1 wrong ({data.Files[4]}: sha256 ", e.Message, StringComparison.Ordinal);
        Assert.Equal(11, e.Check.Verified);
        Assert.False(Directory.Exists(dest));
        AssertNothingBesideDestination(dir.Path);
    }

    [Fact]
    public void A_dropped_connection_is_resumed_with_a_range_request()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        using var server = new LoopbackHttpServer();
        var zip = data.Zip();
        var url = server.Serve("/isic.zip", zip);
        server.DropNext(times: 1, afterBytes: zip.Length / 3);
        var dest = dir.Combine("data");
        var seen = new List<AcquisitionProgress>();

        var result = DataGetter.Get(Options(data, url, dest) with { Progress = seen.Add });

        Assert.Equal(12, result.Verified);
        Assert.Equal(1, result.Resumes);
        Assert.Equal(zip.Length, result.DownloadedBytes);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Null(requests[0].Range);
        Assert.Equal($"bytes={zip.Length / 3}-", requests[1].Range);
        Assert.Contains(seen, p => p.Stage == AcquisitionStage.Download && p.Done == zip.Length && p.Total == zip.Length);
    }

    [Fact]
    public void A_partial_download_left_by_an_earlier_run_is_resumed_not_restarted()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        using var server = new LoopbackHttpServer();
        var zip = data.Zip();
        var url = server.Serve("/isic.zip", zip);
        server.DropNext(times: 10, afterBytes: 1000);
        var dest = dir.Combine("data");

        var failed = Assert.Throws<DownloadFailedException>(() => DataGetter.Get(Options(data, url, dest) with { Attempts = 2 }));
        Assert.Contains("run the same command again to resume", failed.Message, StringComparison.Ordinal);
        Assert.Equal(2000, new FileInfo(dir.Combine(".data.download.zip.part")).Length);
        Assert.False(Directory.Exists(dest));

        server.DropNext(times: 0, afterBytes: 0);
        var result = DataGetter.Get(Options(data, url, dest));

        Assert.Equal(12, result.Verified);
        Assert.Equal("bytes=2000-", server.Requests.Last().Range);
        AssertNothingBesideDestination(dir.Path);
    }

    [Fact]
    public void A_server_that_ignores_the_range_starts_the_file_over_instead_of_splicing()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        using var server = new LoopbackHttpServer { IgnoreRange = true };
        var zip = data.Zip();
        var url = server.Serve("/isic.zip", zip);
        server.DropNext(times: 1, afterBytes: zip.Length / 2);

        var result = DataGetter.Get(Options(data, url, dir.Combine("data")));

        Assert.Equal(12, result.Verified);
        Assert.Equal(zip.Length, result.DownloadedBytes);
        Assert.Equal($"bytes={zip.Length / 2}-", server.Requests.Last().Range);
    }

    [Fact]
    public void A_staging_folder_left_by_a_killed_run_is_removed_but_a_foreign_one_is_refused()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        var staging = dir.Combine(".data.staging-get");
        Directory.CreateDirectory(Path.Combine(staging, "Train"));
        MelanomaExp.Safety.OutputMarker.Add(staging, "data-staging");
        File.WriteAllText(Path.Combine(staging, "Train", "half.jpg"), "half");

        var result = DataGetter.Get(Options(data, data.Folder, dir.Combine("data")));

        Assert.Equal(12, result.Verified);
        Assert.False(Directory.Exists(staging));
        Assert.False(File.Exists(dir.Combine("data", "Train", "half.jpg")));

        var foreign = dir.Combine(".other.staging-get");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "keep.txt"), "x");
        var e = Assert.Throws<BadInputException>(() => DataGetter.Get(Options(data, data.Folder, dir.Combine("other"))));
        Assert.Contains("is in the way and was not written by melanoma-exp", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(foreign, "keep.txt")));
    }

    [Fact]
    public void An_existing_destination_not_written_by_the_tool_is_refused_untouched()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        var dest = dir.Combine("mine");
        Directory.CreateDirectory(dest);
        File.WriteAllText(Path.Combine(dest, "notes.txt"), "keep me");

        var e = Assert.Throws<BadInputException>(() => DataGetter.Get(Options(data, data.Folder, dest)));

        Assert.Contains("--dest", e.Message, StringComparison.Ordinal);
        Assert.Contains("was not written by melanoma-exp", e.Message, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(dest).Select(Path.GetFileName));
    }

    [Fact]
    public void From_folder_copies_verified_files_then_a_second_run_finds_them_complete()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        File.WriteAllText(Path.Combine(data.Folder, "Train", "melanoma", "Thumbs.db"), "x");
        var dest = dir.Combine("data");
        var parent = Path.GetDirectoryName(data.Folder)!;

        var first = DataGetter.Get(Options(data, parent, dest));
        var second = DataGetter.Get(Options(data, parent, dest));

        Assert.Equal(12, first.Verified);
        Assert.Equal([$"{SyntheticDataSet.Wrapper}/Train/melanoma/Thumbs.db"], first.Extra);
        Assert.True(second.AlreadyComplete);
        Assert.Equal(12, second.Verified);
        Assert.True(File.Exists(Path.Combine(data.Folder, "Train", "melanoma", "Thumbs.db")));
    }

    [Fact]
    public void From_zip_with_a_missing_file_names_it_and_a_damaged_copy_in_place_is_replaced()
    {
        using var dir = new TempDir();
        var data = new SyntheticDataSet(dir.Path);
        var dest = dir.Combine("data");
        var zip = data.WriteZip(dir.Combine("isic.zip"));
        DataGetter.Get(Options(data, zip, dest));
        var damaged = Path.Combine(dest, data.Files[0]);
        File.WriteAllText(damaged, "damaged");

        var repaired = DataGetter.Get(Options(data, zip, dest));

        Assert.False(repaired.AlreadyComplete);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(Path.Combine(data.Folder, data.Files[0]))), SHA256.HashData(File.ReadAllBytes(damaged)));

        File.Delete(Path.Combine(data.Folder, data.Files[^1]));
        var partial = data.WriteZip(dir.Combine("partial.zip"));
        var e = Assert.Throws<DataCheckFailedException>(() => DataGetter.Get(Options(data, partial, dir.Combine("other"))));
        Assert.Equal([data.Files[^1]], e.Check.Missing);
        Assert.Contains($"1 missing ({data.Files[^1]})", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("other")));
    }

    internal static DataGetOptions Options(SyntheticDataSet data, string from, string dest) => new()
    {
        From = from,
        Destination = dest,
        Manifest = DatasetManifest.Load(data.ManifestFile),
        RetryDelay = TimeSpan.FromMilliseconds(10),
        Environment = _ => null,
    };

    /// <summary>Only the destination (if any), the sources, and the writer's lock files: no staging, no download left.</summary>
    private static void AssertNothingBesideDestination(string dir)
    {
        var names = Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Where(n => n is not ("source" or "manifest.tsv" or "data" or ".data.lock" or ".data.lock.json"));
        Assert.Empty(names);
    }
}
