using System.Buffers.Binary;
using System.IO.Compression;
using MelanomaExp.Acquisition;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Acquisition;

public class ZipImportTests
{
    private const string Entry = "Train/melanoma/ISIC_0000001.jpg";
    private static readonly byte[] LocalHeader = [0x50, 0x4b, 0x03, 0x04];
    private static readonly byte[] CentralHeader = [0x50, 0x4b, 0x01, 0x02];

    [Theory]
    [InlineData("../x")]
    [InlineData("Train/../../x")]
    [InlineData("/etc/x")]
    [InlineData("..\\x")]
    public void An_entry_climbing_out_of_the_folder_refuses_the_archive_before_anything_is_written(string name)
    {
        using var dir = new TempDir();
        var zip = WriteZip(dir.Combine("a.zip"), (Entry, new byte[10]), (name, "evil"u8.ToArray()));
        var staging = dir.Combine("staging");
        Directory.CreateDirectory(staging);

        var e = Assert.Throws<BadInputException>(() => ZipImport.Extract(zip, staging, new ManifestCheck(Manifest(10)), 1 << 20, null));

        Assert.Contains($"entry '{name}' would be written outside the data folder (path traversal)", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(staging));
        Assert.False(File.Exists(dir.Combine("x")));
    }

    [Fact]
    public void Declared_sizes_over_the_limit_refuse_the_archive_before_anything_is_written()
    {
        using var dir = new TempDir();
        var zip = WriteZip(dir.Combine("bomb.zip"), (Entry, new byte[4 << 20]));
        var staging = dir.Combine("staging");
        Directory.CreateDirectory(staging);
        Assert.True(new FileInfo(zip).Length < 64 << 10, "zeros compress well: a small archive declaring much more");

        var e = Assert.Throws<BadInputException>(() => ZipImport.Extract(zip, staging, new ManifestCheck(Manifest(4 << 20)), 1 << 20, null));

        Assert.Contains("declare 4,194,304 bytes uncompressed, over the limit of 1,048,576 (a zip bomb?)", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(staging));
    }

    [Fact]
    public void An_entry_inflating_past_its_declared_size_never_writes_more_than_declared()
    {
        using var dir = new TempDir();
        var zip = WriteZip(dir.Combine("liar.zip"), (Entry, new byte[4 << 20]));
        ForgeUncompressedSize(zip, 100);
        var staging = dir.Combine("staging");
        Directory.CreateDirectory(staging);
        var check = new ManifestCheck(Manifest(100));

        // .NET's zip reader (10.0) stops an entry at its declared size; the tool's own limit is there for readers that do not.
        var e = Record.Exception(() => ZipImport.Extract(zip, staging, check, 1 << 20, null));

        var written = Directory.GetFiles(staging, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.True(written <= 100, $"{written} bytes written");
        if (e is null)
        {
            Assert.Equal(Entry, Assert.Single(check.Finish().Wrong).Path);
        }
        else
        {
            Assert.IsType<BadInputException>(e);
        }
    }

    [Fact]
    public void Not_a_zip_is_bad_input()
    {
        using var dir = new TempDir();
        var file = dir.Combine("x.zip");
        File.WriteAllText(file, "this is not a zip");

        var e = Assert.Throws<BadInputException>(() => ZipImport.Extract(file, dir.Path, new ManifestCheck(Manifest(10)), 1 << 20, null));

        Assert.Contains("not a readable zip archive", e.Message, StringComparison.Ordinal);
    }

    private static DatasetManifest Manifest(long bytes) =>
        DatasetManifest.Parse(new StringReader($"path\tbytes\tsha256\n{Entry}\t{bytes}\t{new string('0', 64)}\n"), "test");

    private static string WriteZip(string file, params (string Name, byte[] Content)[] entries)
    {
        using (var zip = ZipFile.Open(file, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(content);
            }
        }
        return file;
    }

    /// <summary>Rewrites the uncompressed size in the local header (offset 22) and the central directory (offset 24) of a one-entry zip.</summary>
    private static void ForgeUncompressedSize(string file, uint size)
    {
        var bytes = File.ReadAllBytes(file);
        var local = bytes.AsSpan().IndexOf(LocalHeader);
        var central = bytes.AsSpan().IndexOf(CentralHeader);
        Assert.True(local >= 0 && central > local);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(local + 22), size);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(central + 24), size);
        File.WriteAllBytes(file, bytes);
    }
}
