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

    public static TheoryData<string> CommittedManifests() => [.. Committed(ReportFiles.Manifest)];

    /// <summary>Every run report's metrics.json (evaluate's, of another schema, would have no manifest beside it).</summary>
    public static TheoryData<string> CommittedMetrics() => [.. RunMetrics()];

    private static IEnumerable<string> RunMetrics() =>
        Committed(ReportFiles.Metrics).Where(f => File.Exists(Path.Combine(RepoPaths.Root, Path.GetDirectoryName(f)!, ReportFiles.Manifest)));

    private static List<string> Committed(string file) =>
        [.. Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "reports"), file, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every committed manifest was written by the JsonObject code the record replaced, so this pins the writer's bytes,
    /// for reports from before a block was added (device) too: the record leaves out what the report did not have.
    /// </summary>
    [Theory]
    [MemberData(nameof(CommittedManifests))]
    public void A_committed_manifest_reads_and_writes_back_byte_for_byte(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relative));
        var manifest = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.ManifestDocument)!;
        Assert.Equal(ReportFormats.Manifest, manifest.Format);
        Assert.Equal(text, JsonSerializer.Serialize(manifest, ReportDocumentContext.Default.ManifestDocument) + "\n");
    }

    /// <summary>
    /// The same for metrics.json: the committed ones span the format's history (before the intervals, calibration, the
    /// train/test copies, groups), and each reads into the record and writes back unchanged, nulls and missing keys apart.
    /// </summary>
    [Theory]
    [MemberData(nameof(CommittedMetrics))]
    public void A_committed_metrics_json_reads_and_writes_back_byte_for_byte(string relative)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, relative));
        var metrics = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.MetricsDocument)!;
        Assert.NotEmpty(metrics.Steps);
        Assert.Equal(text, JsonSerializer.Serialize(metrics, ReportDocumentContext.Default.MetricsDocument) + "\n");
    }

    [Fact]
    public void The_committed_reports_cover_both_sides_of_every_key_that_came_later()
    {
        // The round trips above only prove the missing-versus-null distinction if the reports have both kinds.
        var all = RunMetrics().Select(r => JsonSerializer.Deserialize(File.ReadAllText(Path.Combine(RepoPaths.Root, r)), ReportDocumentContext.Default.MetricsDocument)!).ToList();
        Assert.Contains(all, m => !m.Audit!.TrainTestCopies.IsRecorded);
        Assert.Contains(all, m => m.Audit!.TrainTestCopies is { IsRecorded: true, Value: null });
        Assert.Contains(all, m => m.Audit!.TrainTestCopies.Value is { Count: > 0 });
        Assert.Contains(all, m => !m.Steps[0].TestWithoutTrainCopies.IsRecorded);
        Assert.Contains(all, m => m.Steps[0].TestWithoutTrainCopies is { IsRecorded: true, Value: null });
        Assert.Contains(all, m => !m.Steps[0].Validation.Calibration.IsRecorded);
        Assert.Contains(all, m => m.Steps[0].Validation.Calibration.Value is not null);
        Assert.Contains(all, m => m.Steps[0].Validation.BalancedAccuracyCi is null);
        Assert.Contains(all, m => m.Groups is not null);
        Assert.Contains(all, m => !m.Environment.CpuIsa.IsRecorded);
    }

    /// <summary>
    /// These blocks were once their source records serialised whole, so a property added there reached the reports by
    /// itself; as documents they are listed twice, and this fails when the two lists drift apart (names and order).
    /// </summary>
    [Theory]
    [InlineData(typeof(MelanomaExp.Provenance.EnvironmentInfo), typeof(EnvironmentDocument))]
    [InlineData(typeof(DeterminismAudit), typeof(DeterminismAuditDocument))]
    [InlineData(typeof(MelanomaExp.Native.DeterminismState), typeof(DeterminismStateDocument))]
    [InlineData(typeof(MelanomaExp.Training.CudaPreflightResult), typeof(CudaPreflightDocument))]
    [InlineData(typeof(MelanomaExp.Training.SeedingCheckResult), typeof(SeedingCheckDocument))]
    public void A_block_has_every_property_of_the_record_it_is_written_from(Type source, Type document)
    {
        var expected = source.GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name));
        Assert.Equal(expected, ReportDocumentContext.Default.GetTypeInfo(document)!.Properties.Select(p => p.Name));
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
        var text = "{ \"environment\": { \"cpu\": \"x\", \"cores\": 16, \"cpu_bf16\": null } }";
        var manifest = JsonSerializer.Deserialize(text, ReportDocumentContext.Default.ManifestDocument)!;
        Assert.Equal("16", manifest.EnvironmentText("cores"));
        Assert.Equal("", manifest.EnvironmentText("cpu_bf16"));
        Assert.Equal("x", manifest.EnvironmentText("cpu"));
        Assert.Equal(ManifestDocument.None, manifest.EnvironmentText("cpu_isa"));
        Assert.Equal(ManifestDocument.None, manifest.EnvironmentText("torch_threads"));
        Assert.Equal(ManifestDocument.None, new ManifestDocument().EnvironmentText("cpu"));
        Assert.Equal(16, manifest.Environment!.Cores);
        // What a hand-made manifest lacks stays out when it is written back: absent is not the same as null.
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(manifest, ReportDocumentContext.Default.ManifestDocument));
        Assert.Equal(["cpu", "cores", "cpu_bf16"], written.RootElement.GetProperty("environment").EnumerateObject().Select(p => p.Name));
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
/// seeds.json, once a JsonObject built in Reporting, now a record: this pins its bytes against the JsonObject layout it
/// replaced (kept here as the oracle). evaluate's metrics.json is pinned by a golden file (ReportWriterGoldenTests).
/// </summary>
public class SeedSummaryDocumentTests
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
}
