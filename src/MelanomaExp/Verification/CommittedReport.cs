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
        return new CommittedReport(dir, ReadJson(Path.Combine(dir, "metrics.json")), ReadJson(Path.Combine(dir, "manifest.json")));
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
