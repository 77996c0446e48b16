using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// Where a run happened (Provenance's EnvironmentInfo, property for property), in metrics.json and manifest.json.
/// Every key is optional on reading, as in the manifest: a report that lacks one shows "(none)" for it and writes back
/// without it (the writer always has the first nine). The CPU's flags came later, so reports before them lack the
/// keys, while fixed test environments write them as null.
/// </summary>
internal sealed record EnvironmentDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ToolVersion = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Dotnet = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Os = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cpu = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cores = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TorchSharp = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TorchThreads = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Device = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NativeLibrary = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Recorded<string> CpuBf16 = default,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Recorded<string> CpuIsa = default,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Recorded<string> CpuMicroarchitecture = default)
{
    /// <summary>
    /// The value of the key called <paramref name="key"/> as the file writes it: text as is, a number in its JSON
    /// spelling, "" for null and <see cref="ManifestDocument.None"/> for a key not recorded. Verify and compare list
    /// these properties by their key names (Provenance's NumericsFingerprint), so the lookup goes by the names the
    /// context gives the properties rather than a second list of them.
    /// </summary>
    public string Text(string key)
    {
        var written = JsonSerializer.SerializeToElement(this, ReportDocumentContext.Default.EnvironmentDocument);
        return !written.TryGetProperty(key, out var v) ? ManifestDocument.None : v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString();
    }
}
