using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// A few synthetic JPEGs laid out as the ISIC download is (Train/&lt;class&gt;, Test/&lt;class&gt;), with a manifest
/// TSV made here (sizes and SHA-256 computed independently of the code under test) and zip archives of it
/// wrapped in a folder, as Kaggle's archive is.
/// </summary>
public sealed class SyntheticDataSet
{
    public const string Wrapper = "Skin cancer ISIC The International Skin Imaging Collaboration";
    private static readonly string[] Classes = ["melanoma", "nevus"];

    public SyntheticDataSet(string root, int perClass = 3)
    {
        Folder = Path.Combine(root, "source", Wrapper);
        var rng = new Random(7);
        foreach (var part in new[] { "Train", "Test" })
        {
            for (var c = 0; c < Classes.Length; c++)
            {
                var dir = Path.Combine(Folder, part, Classes[c]);
                Directory.CreateDirectory(dir);
                for (var i = 0; i < perClass; i++)
                {
                    using var image = SyntheticImages.Noisy(SyntheticImages.Palette[c], 24, rng);
                    image.SaveAsJpeg(Path.Combine(dir, $"ISIC_{c}{i:D4}.jpg"));
                }
            }
        }
        Files = [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f)).Order(StringComparer.Ordinal)];
        ManifestFile = Path.Combine(root, "manifest.tsv");
        var tsv = new StringBuilder("path\tbytes\tsha256\n");
        foreach (var f in Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Folder, f));
            tsv.Append(CultureInfo.InvariantCulture, $"{f}\t{bytes.Length}\t{Convert.ToHexStringLower(SHA256.HashData(bytes))}\n");
        }
        File.WriteAllText(ManifestFile, tsv.ToString());
    }

    /// <summary>The folder holding Train/ and Test/.</summary>
    public string Folder { get; }

    /// <summary>Every file's path under <see cref="Folder"/>, with <c>/</c>.</summary>
    public IReadOnlyList<string> Files { get; }

    public string ManifestFile { get; }

    /// <summary>A zip of the data set's files still in <see cref="Folder"/>, under <see cref="Wrapper"/>, plus any extra entries (name, content).</summary>
    public byte[] Zip(params (string Name, byte[] Content)[] extra)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var f in Files.Where(f => File.Exists(Path.Combine(Folder, f))))
            {
                zip.CreateEntryFromFile(Path.Combine(Folder, f), $"{Wrapper}/{f}");
            }
            foreach (var (name, content) in extra)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }
        return memory.ToArray();
    }

    public string WriteZip(string file, params (string Name, byte[] Content)[] extra)
    {
        File.WriteAllBytes(file, Zip(extra));
        return file;
    }
}
