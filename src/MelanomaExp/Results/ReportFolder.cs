using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Training;

namespace MelanomaExp.Results;

/// <summary>
/// The one reader of a finished report folder (metrics.json and manifest.json, named in <see cref="ReportFiles"/>),
/// used by verify, compare, step reuse and sweep collection.
/// </summary>
public sealed class ReportFolder
{
    private ReportFolder(string dir, JsonElement metrics, ManifestDocument manifest, IReadOnlyList<string> classes, IReadOnlyList<ReportStep> steps)
    {
        Dir = dir;
        Metrics = metrics;
        Manifest = manifest;
        Classes = classes;
        Steps = steps;
    }

    public string Dir { get; }

    /// <summary>metrics.json as written, for what compares or looks up its figures by path (verify's figure-by-figure comparison, <see cref="ReportMetric"/>).</summary>
    public JsonElement Metrics { get; }

    internal ManifestDocument Manifest { get; }

    /// <summary>The dataset's classes in the order metrics.json lists them.</summary>
    public IReadOnlyList<string> Classes { get; }

    internal IReadOnlyList<ReportStep> Steps { get; }

    public string ExperimentName => Manifest.Experiment?.Name ?? ManifestDocument.None;

    public string ExperimentHash => Manifest.Experiment?.Hash ?? ManifestDocument.None;

    public string ToolVersion => Manifest.ToolVersion ?? ManifestDocument.None;

    public string ResolvedYaml => Manifest.Experiment?.ResolvedYaml ?? throw new BadInputException($"{ManifestPath(Dir)}: records no resolved experiment (experiment.resolved_yaml)");

    public string DataRoot => Manifest.Data?.Root ?? throw new BadInputException($"{ManifestPath(Dir)}: records no data root (data.root)");

    /// <summary>The positive class the report evaluated (its first step's validation), null without one.</summary>
    public string? PositiveClass => Steps.Count > 0 ? Steps[0].Document.Validation.PositiveClass?.Class : null;

    /// <summary>The machine the run used, as its manifest records it.</summary>
    public ReportMachine Machine => new(
        Manifest.EnvironmentText("cpu"),
        Manifest.Environment?.Cores ?? 0,
        Manifest.Environment?.TorchThreads ?? 0,
        Manifest.EnvironmentText("device"))
    {
        Numerics = string.Join(';', NumericsFingerprint.EnvironmentKeys.Select(Manifest.EnvironmentText).Append(Manifest.PackageText("libtorch"))),
    };

    /// <summary>The training data the run read (fingerprint and images per class), null when the manifest has none.</summary>
    public ReportData? TrainData => Manifest.Data?.Train is { Fingerprint: { } fingerprint, PerClass: { } perClass }
        ? new ReportData(fingerprint, perClass.ToDictionary())
        : null;

    /// <summary>What another run must share to reproduce this one, by name, in the order verify and compare list differences.</summary>
    public IReadOnlyList<(string Property, string Value)> Provenance =>
    [
        ("training data fingerprint", Manifest.Data?.Train?.Fingerprint ?? ManifestDocument.None),
        ("test data fingerprint", Manifest.Data?.Test?.Fingerprint ?? ManifestDocument.None),
        ("tool version", ToolVersion),
        .. new[] { "device", "cpu", "cpu_microarchitecture", "cpu_isa", "cpu_bf16", "cores", "torch_threads", "os", "dotnet", "torch_sharp", "native_library" }
            .Select(key => (key.Replace('_', ' '), Manifest.EnvironmentText(key))),
        .. new[] { "TorchSharp", "libtorch", "SixLabors.ImageSharp" }
            .Select(package => (package, Manifest.PackageText(package))),
    ];

    /// <summary>The saved weights of <paramref name="step"/> in this report (present or not).</summary>
    public string WeightsPath(string step) => Path.Combine(Dir, ReportFiles.ModelDir(step), ModelBundle.WeightsFile);

    public static string MetricsPath(string dir) => Path.Combine(dir, ReportFiles.Metrics);

    public static string ManifestPath(string dir) => Path.Combine(dir, ReportFiles.Manifest);

    /// <summary>The report in <paramref name="dir"/>; a clear error (exit 2) when it is missing, unreadable or from an unknown format or newer tool.</summary>
    public static ReportFolder Read(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new BadInputException($"{dir}: report folder not found");
        }
        var metricsPath = MetricsPath(dir);
        var manifestPath = ManifestPath(dir);
        var metrics = ReadJson(metricsPath);
        var manifest = ReadManifest(manifestPath);
        var version = manifest.ToolVersion ?? ManifestDocument.None;
        if (!Version.TryParse(version, out var made) || !Version.TryParse(MelanomaExp.ToolVersion.Current, out var mine) || made > mine)
        {
            throw new BadInputException($"{manifestPath}: written by melanoma-exp '{version}', which this version ({MelanomaExp.ToolVersion.Current}) does not know; install that version to read it");
        }
        var typed = MetricsOf(metrics, metricsPath);
        return new ReportFolder(dir, metrics, manifest, typed.Dataset.Classes, ReadSteps(typed, metrics, manifest));
    }

    /// <summary>metrics.json as its record; a clear error naming <paramref name="path"/> when it is not one melanoma-exp wrote.</summary>
    internal static MetricsDocument MetricsOf(JsonElement metrics, string path)
    {
        try
        {
            return metrics.Deserialize(ReportDocumentContext.Default.MetricsDocument) ?? throw new JsonException("null instead of an object");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not a step list melanoma-exp wrote ({e.Message})", e);
        }
    }

    /// <summary>Null when there is no complete, readable report (none yet, an older format, a damaged file).</summary>
    public static ReportFolder? TryRead(string dir)
    {
        try
        {
            return File.Exists(MetricsPath(dir)) && File.Exists(ManifestPath(dir)) ? Read(dir) : null;
        }
        catch (BadInputException)
        {
            return null;
        }
    }

    private static ManifestDocument ReadManifest(string path)
    {
        var element = ReadJson(path);
        try
        {
            var format = DocumentHeader.FormatOf(element);
            if (format != ReportFormats.Manifest)
            {
                throw new BadInputException($"{path}: unknown manifest format '{format}' (this tool reads {ReportFormats.Manifest})");
            }
            return element.Deserialize(ReportDocumentContext.Default.ManifestDocument)!;
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not a manifest melanoma-exp wrote ({e.Message})", e);
        }
    }

    private static List<ReportStep> ReadSteps(MetricsDocument typed, JsonElement metrics, ManifestDocument manifest)
    {
        var recorded = (manifest.Steps ?? []).DistinctBy(s => s.Name).ToDictionary(s => s.Name);
        return typed.Steps.Zip(metrics.GetProperty("steps").EnumerateArray(), (step, raw) =>
        {
            var provenance = recorded.GetValueOrDefault(step.Name);
            var epochs = step.Epochs.Select(e => new EpochRecord(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValLoss, e.ValAccuracy, e.Seconds, e.ImagesPerSecond)).ToList();
            return new ReportStep(step.Name, provenance?.Key, provenance?.WeightsSha256, step.Seconds, epochs, raw) { Document = step };
        }).ToList();
    }

    private static JsonElement ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: missing; a report folder written by melanoma-exp run has {ReportFiles.Metrics} and {ReportFiles.Manifest}");
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not valid JSON: {e.Message}", e);
        }
    }
}
