using System.Text.Json.Serialization;

namespace MelanomaExp.Documents;

/// <summary>
/// manifest.json, as Results' ManifestJson writes it (properties in declaration order) and as it is read back. Everything but a
/// step's name is optional: reports written by older versions lack later fields, and the readers say "(none)" for what a report
/// did not record rather than refusing it. The device block came last; reports before it lack the key.
/// </summary>
internal sealed record ManifestDocument(
    string? Format = null,
    string? ToolVersion = null,
    ManifestGit? Git = null,
    ManifestExperiment? Experiment = null,
    ManifestData? Data = null,
    EnvironmentDocument? Environment = null,
    IReadOnlyDictionary<string, string>? Packages = null,
    string? Started = null,
    string? Finished = null,
    double? WallSeconds = null,
    IReadOnlyList<ManifestStep>? Steps = null,
    DeterminismAuditDocument? DeterminismAudit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] Recorded<DeviceDocument> Device = default)
{
    /// <summary>Shown where a report did not record a property.</summary>
    public const string None = "(none)";

    /// <summary>An environment property by its key name (<see cref="EnvironmentDocument.Text"/>), <see cref="None"/> without an environment.</summary>
    public string EnvironmentText(string key) => Environment?.Text(key) ?? None;

    /// <summary>The version of a package by name, <see cref="None"/> for one never recorded.</summary>
    public string PackageText(string key) => Packages is not null && Packages.TryGetValue(key, out var v) ? v : None;
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
