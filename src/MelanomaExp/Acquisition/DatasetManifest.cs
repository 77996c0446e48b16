using System.Globalization;
using System.Reflection;

namespace MelanomaExp.Acquisition;

/// <summary>
/// Every file of a data set with its size and SHA-256, read from a tab-separated file with the header
/// <c>path	bytes	sha256</c>. The study's manifest (all 2,359 files of the ISIC 9-class set) ships inside the
/// library, so a download is checked against what the study used, not against whatever the server sends.
/// </summary>
public sealed class DatasetManifest
{
    public const string Header = "path\tbytes\tsha256";
    private const string ShippedResource = "isic-9class-files.tsv";
    private readonly Dictionary<string, ManifestEntry> _byPath;

    private DatasetManifest(string source, IReadOnlyList<ManifestEntry> entries)
    {
        Source = source;
        Entries = entries;
        _byPath = entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
    }

    /// <summary>Where the manifest came from, for messages.</summary>
    public string Source { get; }

    public IReadOnlyList<ManifestEntry> Entries { get; }

    public long TotalBytes => Entries.Sum(e => e.Bytes);

    public ManifestEntry? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>The study's manifest, shipped in the library.</summary>
    public static DatasetManifest Shipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"the embedded resource {ShippedResource} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader, $"the shipped manifest ({ShippedResource})");
    }

    /// <summary>A manifest file; a malformed one is bad input naming its file and line.</summary>
    public static DatasetManifest Load(string file)
    {
        if (!File.Exists(file))
        {
            throw new BadInputException($"{file}: manifest file not found");
        }
        using var reader = new StreamReader(file);
        return Parse(reader, file);
    }

    public static DatasetManifest Parse(TextReader reader, string source)
    {
        var header = reader.ReadLine();
        if (header != Header)
        {
            throw new BadInputException($"{source}:1: expected the header '{Header.Replace("\t", "<tab>", StringComparison.Ordinal)}'");
        }
        var entries = new List<ManifestEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            var entry = ParseLine(line) ?? throw new BadInputException($"{source}:{lineNumber}: expected 'path<tab>bytes<tab>sha256' with a relative path, a size and 64 hex digits");
            if (!seen.Add(entry.Path))
            {
                throw new BadInputException($"{source}:{lineNumber}: {entry.Path} is listed twice");
            }
            entries.Add(entry);
        }
        if (entries.Count == 0)
        {
            throw new BadInputException($"{source}: lists no files");
        }
        return new DatasetManifest(source, entries);
    }

    private static ManifestEntry? ParseLine(string line)
    {
        var fields = line.Split('\t');
        if (fields.Length != 3
            || !ArchivePath.IsSafeRelative(fields[0])
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            || fields[2].Length != 64
            || !fields[2].All(Uri.IsHexDigit))
        {
            return null;
        }
        return new ManifestEntry(fields[0], bytes, fields[2].ToLowerInvariant());
    }
}
