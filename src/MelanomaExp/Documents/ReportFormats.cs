namespace MelanomaExp.Documents;

/// <summary>
/// The format names the report's JSON files carry, kept once: the writers stamp them, the readers refuse anything
/// else, and Safety's check for report folders written before output markers recognises a manifest by its name.
/// </summary>
internal static class ReportFormats
{
    /// <summary>Any version of the manifest format starts with this and a slash.</summary>
    /// <summary>The manifest's file name, here rather than in Results' ReportFiles because Safety, below Results, looks for it too.</summary>
    public const string ManifestFile = "manifest.json";

    public const string ManifestName = "melanoma-exp-manifest";

    public const string Manifest = ManifestName + "/1";

    public const string Study = "melanoma-exp-study/1";

    /// <summary>Whether <paramref name="format"/> is the manifest format of any version (a report folder, though perhaps one this version cannot read).</summary>
    public static bool IsManifestOfAnyVersion(string? format) => format?.StartsWith(ManifestName + "/", StringComparison.Ordinal) == true;
}
