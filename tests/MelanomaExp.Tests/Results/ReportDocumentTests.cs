using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Results;

/// <summary>The typed documents that replaced lookups by string path: what the writers wrote and what is committed reads into them.</summary>
public class ReportDocumentTests
{
    [Fact]
    public void A_committed_report_reads_into_the_typed_manifest()
    {
        var report = ReportFolder.Read(Path.Combine(RepoPaths.Root, "reports", "smoke"));
        Assert.Equal(ReportFormats.Manifest, report.Manifest.Format);
        Assert.Equal("8c372384f656c54a", report.ExperimentHash);
        Assert.Equal("smoke", report.Manifest.Experiment!.Name);
        Assert.StartsWith("name: smoke\n", report.ResolvedYaml, StringComparison.Ordinal);
        Assert.Equal("../shared/data/isic-9class-180", report.DataRoot);
        Assert.Equal(360, report.Manifest.Data!.Train!.Images);
        Assert.Equal(report.Steps.Select(s => s.Name), report.Manifest.Steps!.Select(s => s.Name));
        Assert.Equal(9, report.Classes.Count);
    }

    public static TheoryData<string> CommittedManifests() =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "reports"), ReportFiles.Manifest, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>Every committed manifest was written by the JsonObject code the record replaced, so this pins the writer's bytes.</summary>
    [Theory]
    [MemberData(nameof(CommittedManifests))]
    public void A_committed_manifest_reads_and_writes_back_byte_for_byte(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relative));
        var manifest = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.ManifestDocument)!;
        Assert.Equal(ReportFormats.Manifest, manifest.Format);
        // Reports from before a block was added (device) read fine but cannot come back byte for byte: the writer now adds it.
        using var raw = JsonDocument.Parse(text);
        using var current = JsonDocument.Parse(ManifestJson.Render(FixedRun.Create()));
        if (!current.RootElement.EnumerateObject().Select(p => p.Name).SequenceEqual(raw.RootElement.EnumerateObject().Select(p => p.Name)))
        {
            return;
        }
        Assert.Equal(text, JsonSerializer.Serialize(manifest, ReportDocumentContext.Default.ManifestDocument) + "\n");
    }

    [Fact]
    public void The_writer_renders_the_document_it_builds()
    {
        var run = FixedRun.Create();
        var text = ManifestJson.Render(run);
        var read = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.ManifestDocument)!;
        Assert.Equal(text, JsonSerializer.Serialize(read, ReportDocumentContext.Default.ManifestDocument) + "\n");
        Assert.Equal(run.Experiment.Hash, read.Experiment!.Hash);
    }

    [Fact]
    public void What_the_writer_wrote_reads_back_into_the_typed_documents()
    {
        using var dir = new TempDir();
        var run = FixedRun.Create();
        ReportFolderWriter.Write(run, dir.Path);
        var report = ReportFolder.Read(dir.Path);
        Assert.Equal(run.Experiment.ResolvedYaml, report.ResolvedYaml);
        Assert.Equal(run.Dataset.Root, report.DataRoot);
        Assert.Equal(run.Environment.ToolVersion, report.ToolVersion);
        Assert.Equal(run.Environment.Cpu, report.Machine.Cpu);
        Assert.Equal(run.Environment.TorchThreads, report.Machine.Threads);
        Assert.Equal(run.Dataset.Classes, report.Classes);
        Assert.Equal(run.Steps.Select(s => s.Name), report.Manifest.Steps!.Select(s => s.Name));
        Assert.Equal(run.Steps.Select(s => s.WeightsSha256), report.Steps.Select(s => s.WeightsSha256));
    }

    [Theory]
    [InlineData("{ \"format\": \"melanoma-exp-manifest/1\", \"tool_version\": \"0.1.0\", \"experiment\": { \"hash\": 7 } }", "not a manifest melanoma-exp wrote")]
    [InlineData("{ \"format\": \"melanoma-exp-manifest/1\", \"tool_version\": \"0.1.0\", \"steps\": [ { \"key\": \"k\" } ] }", "not a manifest melanoma-exp wrote")]
    [InlineData("{ \"format\": 2 }", "unknown manifest format ''")]
    [InlineData("[]", "unknown manifest format ''")]
    [InlineData("{ \"format\": \"melanoma-exp-manifest/2\" }", "unknown manifest format 'melanoma-exp-manifest/2'")]
    public void A_damaged_manifest_is_one_clear_error_line_naming_the_file(string manifest, string expected)
    {
        using var dir = new TempDir();
        ReportFolderWriter.Write(FixedRun.Create(), dir.Path);
        File.WriteAllText(dir.Combine(ReportFiles.Manifest), manifest);
        var e = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Path));
        Assert.StartsWith(ReportFolder.ManifestPath(dir.Path) + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Null(ReportFolder.TryRead(dir.Path));
    }

    [Fact]
    public void A_step_without_its_epochs_is_a_damaged_metrics_file()
    {
        using var dir = new TempDir();
        ReportFolderWriter.Write(FixedRun.Create(), dir.Path);
        File.WriteAllText(dir.Combine(ReportFiles.Metrics), "{ \"steps\": [ { \"name\": \"base\", \"seconds\": 1 } ] }");
        var e = Assert.Throws<BadInputException>(() => ReportFolder.Read(dir.Path));
        Assert.StartsWith(ReportFolder.MetricsPath(dir.Path) + ": not a step list melanoma-exp wrote", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_environment_values_show_as_written()
    {
        var manifest = JsonSerializer.Deserialize(
            "{ \"environment\": { \"cores\": 16, \"cpu_bf16\": null, \"cpu\": \"x\" } }",
            ReportDocumentContext.Default.ManifestDocument)!;
        Assert.Equal("16", manifest.EnvironmentText("cores"));
        Assert.Equal("", manifest.EnvironmentText("cpu_bf16"));
        Assert.Equal("x", manifest.EnvironmentText("cpu"));
        Assert.Equal(ManifestDocument.None, manifest.EnvironmentText("cpu_isa"));
        Assert.Equal(16, manifest.EnvironmentNumber("cores"));
        Assert.Null(manifest.EnvironmentNumber("cpu"));
    }
}

/// <summary>study.json through its one record: committed studies, written by the JsonObject code this replaced, come back byte for byte.</summary>
public class StudyDocumentTests
{
    [Theory]
    [InlineData("study-seeds")]
    [InlineData("study-precision")]
    public void A_committed_study_reads_and_writes_back_byte_for_byte(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "reports", name, ReportFiles.Study));
        var study = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.StudyDocument)!;
        Assert.Equal(ReportFormats.Study, study.Format);
        Assert.NotEmpty(study.Cells);
        Assert.Equal(text, JsonSerializer.Serialize(study, ReportDocumentContext.Default.StudyDocument) + "\n");
    }

    [Fact]
    public void A_study_of_another_format_is_no_spread_and_a_damaged_one_is_a_clear_error()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Combine(ReportFiles.Study), "{ \"format\": \"melanoma-exp-study/0\", \"experiment\": \"final\" }");
        Assert.Null(MelanomaExp.Verification.SeedSpread.Read(dir.Path, "final"));
        File.WriteAllText(dir.Combine(ReportFiles.Study), "{ \"format\": \"melanoma-exp-study/1\", \"experiment\": \"final\", \"cells\": [ { \"point\": \"default\" } ] }");
        var e = Assert.Throws<BadInputException>(() => MelanomaExp.Verification.SeedSpread.Read(dir.Path, "final"));
        Assert.StartsWith(dir.Combine(ReportFiles.Study) + ": not a study melanoma-exp wrote", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// seeds.json and evaluate's metrics.json, once JsonObjects built in Reporting, now records: these pin their bytes
/// against the JsonObject layout they replaced (kept here as the oracle), non-ASCII and HTML-sensitive text included.
/// </summary>
public class SeedAndEvaluationDocumentTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public void Seeds_json_keeps_the_bytes_of_the_json_object_it_replaced()
    {
        using var dir = new TempDir();
        var statistics = new[] { new SeedStatistic("base", "val_accuracy", [0.5, 0.625, 0.75]), new SeedStatistic("base", "val_loss", [1.25, 1.0 / 3, 2]) };
        MelanomaExp.Reporting.SeedStudyReport.Write(new SeedStudyResult([1, 2, 3], statistics), dir.Path);
        var old = new System.Text.Json.Nodes.JsonObject
        {
            ["seeds"] = new System.Text.Json.Nodes.JsonArray(1, 2, 3),
            ["metrics"] = new System.Text.Json.Nodes.JsonArray([.. statistics.Select(s => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject
            {
                ["step"] = s.Step,
                ["metric"] = s.Metric,
                ["mean"] = s.Mean,
                ["sd"] = s.StandardDeviation,
                ["ci95_low"] = s.Interval95.Low,
                ["ci95_high"] = s.Interval95.High,
                ["values"] = new System.Text.Json.Nodes.JsonArray([.. s.Values.Select(v => (System.Text.Json.Nodes.JsonNode?)v)]),
            })]),
        };
        Assert.Equal(old.ToJsonString(Indented) + "\n", File.ReadAllText(dir.Combine(ReportFiles.SeedSummary)));
    }

    [Fact]
    public void Evaluate_metrics_json_keeps_the_bytes_of_the_json_object_it_replaced()
    {
        var e = FixedRun.Create().Steps[0].Validation;
        var document = new EvaluationDocument("models/bäse <1>/model.pt", "data & more", "abc'123", EvaluationJson.Set(e), [new SkippedImageDocument("x/ü.jpg", "not an image: \"bad\" – truncated")]);
        var old = new System.Text.Json.Nodes.JsonObject
        {
            ["model"] = "models/bäse <1>/model.pt",
            ["data"] = "data & more",
            ["experiment_hash"] = "abc'123",
            ["evaluation"] = EvaluationJson.Set(e),
            ["skipped_images"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["path"] = "x/ü.jpg", ["reason"] = "not an image: \"bad\" – truncated" }),
        };
        Assert.Equal(old.ToJsonString(Indented), JsonSerializer.Serialize(document, ReportDocumentContext.Default.EvaluationDocument));
    }
}
