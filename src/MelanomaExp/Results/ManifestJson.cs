using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Documents;
using MelanomaExp.Provenance;

namespace MelanomaExp.Results;

/// <summary>manifest.json: everything needed to judge whether another run reproduced this one.</summary>
public static class ManifestJson
{
    public static string Render(RunResult run)
    {
        var p = run.Provenance;
        var doc = new JsonObject
        {
            ["format"] = ReportFormats.Manifest,
            ["tool_version"] = run.Environment.ToolVersion,
            ["git"] = p is null ? null : new JsonObject { ["commit"] = p.Git.Commit, ["dirty"] = p.Git.Dirty },
            ["experiment"] = new JsonObject
            {
                ["name"] = run.Experiment.Name,
                ["hash"] = run.Experiment.Hash,
                ["source"] = run.Experiment.SourcePath,
                ["resolved_yaml"] = run.Experiment.ResolvedYaml,
            },
            ["data"] = new JsonObject
            {
                ["root"] = run.Dataset.Root,
                ["train"] = p is null ? null : Fingerprint(p.Train),
                ["test"] = p?.Test is null ? null : Fingerprint(p.Test),
            },
            ["environment"] = JsonSerializer.SerializeToNode(run.Environment, ReportJsonOptions.SnakeCase),
            ["packages"] = p is null ? null : new JsonObject([.. p.Packages.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
            ["started"] = run.Started.ToString("o"),
            ["finished"] = run.Finished.ToString("o"),
            ["wall_seconds"] = (run.Finished - run.Started).TotalSeconds,
            ["steps"] = new JsonArray([.. run.Steps.Select(s => (JsonNode?)new JsonObject
            {
                ["name"] = s.Name,
                ["seconds"] = s.Seconds,
                ["weights_sha256"] = s.WeightsSha256,
                ["key"] = s.Key,
                ["started"] = p?.Steps.FirstOrDefault(t => t.Step == s.Name)?.Started.ToString("o"),
                ["finished"] = p?.Steps.FirstOrDefault(t => t.Step == s.Name)?.Finished.ToString("o"),
                ["reused"] = p?.Steps.FirstOrDefault(t => t.Step == s.Name)?.Reused,
            })]),
            ["determinism_audit"] = p?.Audit is null ? null : JsonSerializer.SerializeToNode(p.Audit, ReportJsonOptions.SnakeCase),
            ["device"] = p?.Device is null ? null : DeviceJson.Render(p.Device),
        };
        return doc.ToJsonString(ReportJsonOptions.Indented) + "\n";
    }

    private static JsonObject Fingerprint(DatasetFingerprint f) => new()
    {
        ["fingerprint"] = f.Hash,
        ["images"] = f.Images,
        ["per_class"] = new JsonObject([.. f.PerClass.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))]),
    };
}
