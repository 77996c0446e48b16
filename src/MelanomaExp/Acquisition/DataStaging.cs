using MelanomaExp.Safety;

namespace MelanomaExp.Acquisition;

/// <summary>
/// The folder files are copied into before they are verified, beside the destination (same file system, so
/// the final move is a rename): <c>.&lt;name&gt;.staging-get</c>. It carries a marker from the moment it exists,
/// so one left by a killed run is recognised as ours and removed by the next; only a verified one is moved
/// into place, replacing the destination (empty, or data this tool wrote).
/// </summary>
internal sealed class DataStaging : IDisposable
{
    private const string StagingKind = "data-staging";

    private DataStaging(string path) => Path = path;

    public string Path { get; }

    public static DataStaging Create(OutputFolder destination)
    {
        var path = Sibling(destination.Path, "staging-get");
        RemoveStale(path, destination.Label);
        Directory.CreateDirectory(path);
        OutputMarker.Add(path, StagingKind);
        return new DataStaging(path);
    }

    /// <summary>The partial download's file, beside the destination so that it survives a failed run and is resumed by the next.</summary>
    public static string DownloadFile(OutputFolder destination) => Sibling(destination.Path, "download.zip.part");

    /// <summary>Marks the verified files as the tool's data and puts them where the destination is.</summary>
    public void MoveInto(OutputFolder destination)
    {
        OutputMarker.WriteListing(Path, "data");
        if (!Directory.Exists(destination.Path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination.Path)!);
            Directory.Move(Path, destination.Path);
            return;
        }
        var old = Sibling(destination.Path, "replaced-get");
        RemoveStale(old, destination.Label);
        Directory.Move(destination.Path, old);
        Directory.Move(Path, destination.Path);
        Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private static void RemoveStale(string path, string label)
    {
        if (!Directory.Exists(path))
        {
            return;
        }
        if (OutputMarker.Read(path) is null)
        {
            throw new BadInputException($"{label}: {path} is in the way and was not written by melanoma-exp; remove it yourself (nothing was touched)");
        }
        Directory.Delete(path, recursive: true);
    }

    private static string Sibling(string folder, string suffix) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(folder)!, $".{System.IO.Path.GetFileName(folder)}.{suffix}");
}
