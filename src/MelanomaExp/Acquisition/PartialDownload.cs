using System.Text.Json;

namespace MelanomaExp.Acquisition;

/// <summary>
/// What is known about a partly downloaded file (<c>X.part</c>), kept in <c>X.part.json</c>: the address it came
/// from and the server's ETag, so a resume asks for the rest of the same file (If-Range) and never splices two.
/// </summary>
internal sealed record PartialDownload(string Source, string? ETag)
{
    public static string InfoFile(string partFile) => partFile + ".json";

    /// <summary>The recorded state when it is for <paramref name="source"/>; otherwise the partial file is dropped and null returned.</summary>
    public static PartialDownload? Resume(string partFile, string source)
    {
        PartialDownload? info = null;
        try
        {
            info = File.Exists(InfoFile(partFile)) ? JsonSerializer.Deserialize<PartialDownload>(File.ReadAllText(InfoFile(partFile))) : null;
        }
        catch (JsonException)
        {
        }
        if (info is not null && info.Source == source && File.Exists(partFile))
        {
            return info;
        }
        Delete(partFile);
        return null;
    }

    public void Save(string partFile) => File.WriteAllText(InfoFile(partFile), JsonSerializer.Serialize(this));

    public static void Delete(string partFile)
    {
        File.Delete(partFile);
        File.Delete(InfoFile(partFile));
    }
}
