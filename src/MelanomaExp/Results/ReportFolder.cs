using System.Text.Json;
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
    public const string ManifestFormat = "melanoma-exp-manifest/1";

    private ReportFolder(string dir, JsonElement metrics, JsonElement manifest)
    {
        Dir = dir;
        Metrics = metrics;
        Manifest = manifest;
    }

    public string Dir { get; }

    public JsonElement Metrics { get; }

    public JsonElement Manifest { get; }

    public IReadOnlyList<ReportStep> Steps { get; private set; } = [];

    public string ExperimentName => ReportJson.Text(Manifest, "experiment", "name");

    public string ExperimentHash => ReportJson.Text(Manifest, "experiment", "hash");

    public string ToolVersion => ReportJson.Text(Manifest, "tool_version");

    public string ResolvedYaml => Manifest.GetProperty("experiment").GetProperty("resolved_yaml").GetString()!;

    public string DataRoot => Manifest.GetProperty("data").GetProperty("root").GetString()!;

    /// <summary>The positive class the report evaluated (its first step's validation), null without one.</summary>
    public string? PositiveClass => Steps.Count > 0 ? ReportJson.At(Steps[0].Metrics, "validation", "positive_class", "class")?.GetString() : null;

    /// <summary>The machine the run used, as its manifest records it.</summary>
    public ReportMachine Machine => new(
        ReportJson.Text(Manifest, "environment", "cpu"),
        (int)(ReportJson.Number(Manifest, "environment", "cores") ?? 0),
        (int)(ReportJson.Number(Manifest, "environment", "torch_threads") ?? 0),
        ReportJson.Text(Manifest, "environment", "device"))
    {
        Numerics = string.Join(';', NumericsFingerprint.EnvironmentKeys.Select(k => ReportJson.Text(Manifest, "environment", k)).Append(ReportJson.Text(Manifest, "packages", "libtorch"))),
    };

    /// <summary>The training data the run read (fingerprint and images per class), null when the manifest has none.</summary>
    public ReportData? TrainData => ReportJson.At(Manifest, "data", "train") is { ValueKind: JsonValueKind.Object } train
        ? new ReportData(
            train.GetProperty("fingerprint").GetString()!,
            train.GetProperty("per_class").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()))
        : null;

    /// <summary>What another run must share to reproduce this one, by name, in the order verify and compare list differences.</summary>
    public IReadOnlyList<(string Property, string Value)> Provenance =>
    [
        ("training data fingerprint", ReportJson.Text(Manifest, "data", "train", "fingerprint")),
        ("test data fingerprint", ReportJson.Text(Manifest, "data", "test", "fingerprint")),
        ("tool version", ToolVersion),
        .. new[] { "device", "cpu", "cpu_microarchitecture", "cpu_isa", "cpu_bf16", "cores", "torch_threads", "os", "dotnet", "torch_sharp", "native_library" }
            .Select(key => (key.Replace('_', ' '), ReportJson.Text(Manifest, "environment", key))),
        .. new[] { "TorchSharp", "libtorch", "SixLabors.ImageSharp" }
            .Select(package => (package, ReportJson.Text(Manifest, "packages", package))),
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
        var manifestPath = ManifestPath(dir);
        var report = new ReportFolder(dir, ReadJson(MetricsPath(dir)), ReadJson(manifestPath));
        var format = ReportJson.At(report.Manifest, "format")?.GetString();
        if (format != ManifestFormat)
        {
            throw new BadInputException($"{manifestPath}: unknown manifest format '{format}' (this tool reads {ManifestFormat})");
        }
        var version = report.ToolVersion;
        if (!Version.TryParse(version, out var made) || !Version.TryParse(MelanomaExp.ToolVersion.Current, out var mine) || made > mine)
        {
            throw new BadInputException($"{manifestPath}: written by melanoma-exp '{version}', which this version ({MelanomaExp.ToolVersion.Current}) does not know; install that version to read it");
        }
        try
        {
            report.Steps = ReadSteps(report.Metrics, report.Manifest);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException($"{MetricsPath(dir)}: not a step list melanoma-exp wrote ({e.Message})", e);
        }
        return report;
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

    private static List<ReportStep> ReadSteps(JsonElement metrics, JsonElement manifest)
    {
        var recorded = manifest.TryGetProperty("steps", out var m) && m.ValueKind == JsonValueKind.Array
            ? m.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!)
            : [];
        return metrics.GetProperty("steps").EnumerateArray().Select(step =>
        {
            var name = step.GetProperty("name").GetString()!;
            var provenance = recorded.GetValueOrDefault(name);
            string? Text(string key) => provenance.ValueKind == JsonValueKind.Object && provenance.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var epochs = step.GetProperty("epochs").EnumerateArray().Select(e => new EpochRecord(
                e.GetProperty("epoch").GetInt32(),
                e.GetProperty("train_loss").GetDouble(),
                e.GetProperty("train_accuracy").GetDouble(),
                e.GetProperty("val_loss").GetDouble(),
                e.GetProperty("val_accuracy").GetDouble(),
                e.GetProperty("seconds").GetDouble(),
                e.GetProperty("images_per_second").GetDouble())).ToList();
            return new ReportStep(name, Text("key"), Text("weights_sha256"), step.GetProperty("seconds").GetDouble(), epochs, step);
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
