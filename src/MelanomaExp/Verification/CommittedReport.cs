using System.Text.Json;

namespace MelanomaExp.Verification;

/// <summary>What verify reads back from a committed report folder: metrics.json and manifest.json.</summary>
public sealed class CommittedReport
{
    private CommittedReport(string dir, JsonElement metrics, JsonElement manifest)
    {
        Dir = dir;
        Metrics = metrics;
        Manifest = manifest;
    }

    public string Dir { get; }

    public JsonElement Metrics { get; }

    public JsonElement Manifest { get; }

    public string ResolvedYaml => Manifest.GetProperty("experiment").GetProperty("resolved_yaml").GetString()!;

    public string DataRoot => Manifest.GetProperty("data").GetProperty("root").GetString()!;

    public static CommittedReport Read(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new BadInputException($"{dir}: report folder not found");
        }
        var manifestPath = Path.Combine(dir, "manifest.json");
        var report = new CommittedReport(dir, ReadJson(Path.Combine(dir, "metrics.json")), ReadJson(manifestPath));
        var format = report.Manifest.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format != "melanoma-exp-manifest/1")
        {
            throw new BadInputException($"{manifestPath}: unknown manifest format '{format}' (this tool reads melanoma-exp-manifest/1)");
        }
        var version = report.Manifest.TryGetProperty("tool_version", out var v) ? v.GetString() : null;
        if (!Version.TryParse(version, out var made) || !Version.TryParse(Provenance.EnvironmentProbe.ToolVersion, out var mine) || made > mine)
        {
            throw new BadInputException($"{manifestPath}: written by melanoma-exp '{version}', which this version ({Provenance.EnvironmentProbe.ToolVersion}) does not know; install that version to verify it");
        }
        return report;
    }

    /// <summary>The committed value of every compared metric, by step, in report order.</summary>
    public IReadOnlyList<(string Step, string Metric, double? Value)> Values() =>
        Metrics.GetProperty("steps").EnumerateArray().SelectMany(s => MetricPaths.All.Select(m => (s.GetProperty("name").GetString()!, m.Name, m.Read(s)))).ToList();

    private static JsonElement ReadJson(string path)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: missing; verify needs a report written by melanoma-exp run (metrics.json and manifest.json)");
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
