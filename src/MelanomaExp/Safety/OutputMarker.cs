using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanomaExp.Safety;

/// <summary>
/// The file melanoma-exp leaves in every folder it creates, naming what kind of output it is and every file
/// it wrote there. Only a folder carrying it may be replaced.
/// </summary>
internal sealed record OutputMarker(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("tool_version")] string ToolVersion,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files)
{
    public const string FileName = ".melanoma-exp";
    private const string ToolName = "melanoma-exp";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The marker in <paramref name="folder"/>; null when there is none or it is not ours (unreadable counts as not ours).</summary>
    public static OutputMarker? Read(string folder)
    {
        var file = Path.Combine(folder, FileName);
        if (!File.Exists(file))
        {
            return null;
        }
        try
        {
            var marker = JsonSerializer.Deserialize<OutputMarker>(File.ReadAllText(file));
            return marker is { Tool: ToolName, Kind: not null, Files: not null } ? marker : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Marks <paramref name="folder"/> as this tool's, listing every file under it (paths relative to it).</summary>
    public static void WriteListing(string folder, string kind)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != FileName)
            .Order(StringComparer.Ordinal)
            .ToList();
        Write(folder, new OutputMarker(ToolName, kind, MelanomaExp.ToolVersion.Current, files));
    }

    /// <summary>Adds files written after the folder was marked.</summary>
    public static void Add(string folder, string kind, params string[] files)
    {
        var listed = Read(folder)?.Files ?? [];
        Write(folder, new OutputMarker(ToolName, kind, MelanomaExp.ToolVersion.Current, [.. listed.Union(files).Order(StringComparer.Ordinal)]));
    }

    /// <summary>Drops a file from the listing (a person's file of that name took its place).</summary>
    public static void Remove(string folder, string file)
    {
        if (Read(folder) is { } marker)
        {
            Write(folder, marker with { Files = [.. marker.Files.Where(f => f != file)] });
        }
    }

    private static void Write(string folder, OutputMarker marker)
    {
        var file = Path.Combine(folder, FileName);
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(marker, Indented) + "\n");
        File.Move(temp, file, overwrite: true);
    }
}
