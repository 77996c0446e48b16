using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// manifest.json, as Results' ManifestJson writes it (properties in declaration order) and as it is read back. Everything but a
/// step's name is optional: reports written by older versions lack later fields, and the readers say "(none)" for what a report
/// did not record rather than refusing it. The environment, audit and device blocks stay open JSON: they are records of
/// Provenance and Native serialised whole, so their keys follow whatever the writing version recorded.
/// </summary>
internal sealed record ManifestDocument(
    string? Format = null,
    string? ToolVersion = null,
    ManifestGit? Git = null,
    ManifestExperiment? Experiment = null,
    ManifestData? Data = null,
    IReadOnlyDictionary<string, JsonElement>? Environment = null,
    IReadOnlyDictionary<string, JsonElement>? Packages = null,
    string? Started = null,
    string? Finished = null,
    double? WallSeconds = null,
    IReadOnlyList<ManifestStep>? Steps = null,
    JsonNode? DeterminismAudit = null,
    JsonNode? Device = null)
{
    /// <summary>Shown where a report did not record a property.</summary>
    public const string None = "(none)";

    /// <summary>
    /// The environment and package maps stay open (their keys are whatever the writing version recorded), so a value is
    /// shown as written: text as is, other values in their JSON spelling, and <see cref="None"/> for a key never recorded.
    /// </summary>
    public string EnvironmentText(string key) => Text(Environment, key);

    public string PackageText(string key) => Text(Packages, key);

    /// <summary>A number from the environment, null where it is missing or not a number.</summary>
    public double? EnvironmentNumber(string key) =>
        Environment is not null && Environment.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static string Text(IReadOnlyDictionary<string, JsonElement>? map, string key) =>
        map is null || !map.TryGetValue(key, out var v) ? None : v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString();
}

internal sealed record ManifestGit(string? Commit = null, bool? Dirty = null);

internal sealed record ManifestExperiment(string? Name = null, string? Hash = null, string? Source = null, string? ResolvedYaml = null);

internal sealed record ManifestData(string? Root = null, ManifestFingerprint? Train = null, ManifestFingerprint? Test = null);

internal sealed record ManifestFingerprint(string? Fingerprint = null, int? Images = null, IReadOnlyDictionary<string, int>? PerClass = null);

internal sealed record ManifestStep(
    string Name,
    double? Seconds = null,
    [property: JsonPropertyName("weights_sha256")] string? WeightsSha256 = null,
    string? Key = null,
    string? Started = null,
    string? Finished = null,
    string? Reused = null);
