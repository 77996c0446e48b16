using System.Text.Json.Nodes;
using MelanomaExp.Cli.Commands;
using MelanomaExp.Config;
using MelanomaExp.Reporting;
using MelanomaExp.Reporting.Verification;
using MelanomaExp.Results;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Verification;

namespace MelanomaExp.Tests.Verification;

public class VerifierTests
{
    private const string Yaml = """
        name: tiny
        seed: 5
        device: cpu
        data: { train: Train, image_size: [32, 32], validation_split: 0.25 }
        steps:
          - name: only
            model: { arch: seed-cnn, dropout: 0.1 }
            train: { epochs: 2, batch_size: 8 }
        evaluation: { bootstrap: 20 }
        verify: { tolerance: { accuracy: 0.02, loss: 0.05 } }
        """;

    private static string Committed(TempDir dir)
    {
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 10, size: 32);
        var report = dir.Combine("committed");
        ExperimentRunner.Run(ExperimentLoader.Parse(Yaml, "tiny.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = report, Sink = ReportSink.Instance });
        return report;
    }

    /// <summary>Moves the figure at <paramref name="path"/> of the first step in metrics.json by <paramref name="by"/>.</summary>
    private static void Shift(string report, double by, params string[] path)
    {
        var file = Path.Combine(report, "metrics.json");
        var json = JsonNode.Parse(File.ReadAllText(file))!;
        var parent = path[..^1].Aggregate(json["steps"]![0]!, (node, key) => node[key]!);
        parent[path[^1]] = parent[path[^1]]!.GetValue<double>() + by;
        File.WriteAllText(file, json.ToJsonString());
    }

    [Fact]
    public void A_genuine_report_reproduces_identically_on_the_same_machine()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        // A note a person added beside the report is not the tool's file: it neither breaks the integrity check nor is compared.
        File.WriteAllText(Path.Combine(report, "NOTE.md"), "made for the thesis, chapter 3");
        var result = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") });
        Assert.Empty(result.Integrity);
        Assert.Null(result.IntegrityNote);
        Assert.True(result.Reproduced);
        var pairs = Assert.Single(result.Pairs);
        Assert.Equal(("only", "validation", 0), (pairs.Step, pairs.Set, pairs.Changed));
        Assert.True(pairs.Images > 0);
        Assert.NotEmpty(result.Checks);
        Assert.All(result.Checks, c => Assert.Equal(Verdict.Identical, c.Verdict));
        Assert.Empty(result.Environment);
    }

    [Fact]
    public void Small_differences_are_within_tolerance_and_large_ones_are_not()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        ExperimentRunner.Run(ExperimentLoader.Parse(Yaml, "tiny.yaml"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("fresh"), Sink = ReportSink.Instance });
        Shift(report, 0.01, "validation", "accuracy");
        Shift(report, 0.2, "final", "train_loss");
        var result = Verifier.Compare(CommittedReport.Read(report), CommittedReport.Read(dir.Combine("fresh")), new VerifySpec(0.02, 0.05));
        Assert.Equal(Verdict.WithinTolerance, result.Checks.Single(c => c.Metric == "val_accuracy").Verdict);
        Assert.Equal(Verdict.NotReproduced, result.Checks.Single(c => c.Metric == "train_loss").Verdict);
        Assert.False(result.Reproduced);
        Assert.Contains("NOT REPRODUCED", VerificationMarkdown.Render(result), StringComparison.Ordinal);
    }

    [Fact]
    public void Cli_exits_3_when_not_reproduced_and_2_for_a_missing_report()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        Shift(report, 0.5, "validation", "accuracy");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        // --data-root explicitly: CI exports MELANOMA_EXP_DATA (the real images), which verify would otherwise prefer.
        Assert.Equal(3, CliApp.Run(["verify", report, "--output", dir.Combine("again"), "--data-root", dir.Combine("data")], stdout, stderr));
        Assert.Contains("NOT REPRODUCED", stdout.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(dir.Combine("again", "VERIFY.md")));
        Assert.Equal(2, CliApp.Run(["verify", dir.Combine("nothing")], stdout, stderr));
    }

    [Fact]
    public void An_edited_readme_or_a_swapped_weights_file_is_not_reproduced_without_a_rerun()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        var readme = Path.Combine(report, "README.md");
        var original = File.ReadAllText(readme);
        // One image's worth of validation accuracy (1 of 6 images), in the README only: metrics.json is intact.
        var edited = System.Text.RegularExpressions.Regex.Replace(original, @"\| (\d+\.\d\d)% \|", m => $"| {double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 16.67:0.00}% |", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.NotEqual(original, edited);
        File.WriteAllText(readme, edited);
        var result = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") });
        Assert.False(result.Reproduced);
        Assert.StartsWith("README.md was changed after melanoma-exp wrote it", Assert.Single(result.Integrity), StringComparison.Ordinal);
        Assert.StartsWith("the committed report was edited or damaged, so it was not rerun: README.md", result.Reason, StringComparison.Ordinal);
        // Nothing was rerun: the output holds the verdict only.
        Assert.False(File.Exists(dir.Combine("again", "metrics.json")));
        Assert.Contains("README.md was changed", File.ReadAllText(dir.Combine("again", "VERIFY.md")), StringComparison.Ordinal);

        File.WriteAllText(readme, original);
        var weights = Path.Combine(report, "models", "only", "weights.pt");
        var bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 1;
        File.WriteAllBytes(weights, bytes);
        var swapped = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again2") });
        Assert.False(swapped.Reproduced);
        Assert.Contains(swapped.Integrity, p => p.StartsWith("models/only/weights.pt is not the model this report trained (sha256 ", StringComparison.Ordinal));
        // Without checksums (a report from before them), the manifest's weights sha256 still catches the swap.
        File.Delete(Path.Combine(report, "checksums.sha256"));
        var old = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again3") });
        Assert.StartsWith("models/only/weights.pt is not the model this report trained", Assert.Single(old.Integrity), StringComparison.Ordinal);
    }

    /// <summary>A committed report has no weights (.gitignore keeps *.pt out of commits): that is not damage.</summary>
    [Fact]
    public void A_report_committed_without_its_weights_is_verified_and_says_they_were_not_checked()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        File.Delete(Path.Combine(report, "models", "only", "weights.pt"));
        var result = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") });
        Assert.Empty(result.Integrity);
        Assert.True(result.Reproduced);
        Assert.Equal("models/only/weights.pt is not here (weights are not committed), so it was not checked", result.IntegrityNote);
    }

    /// <summary>Without checksums (deleted, or a report from before them), the figures are still recomputed from predictions.csv.</summary>
    [Fact]
    public void Figures_that_disagree_with_the_per_image_predictions_are_not_reproduced()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        File.Delete(Path.Combine(report, "checksums.sha256"));
        var metrics = Path.Combine(report, "metrics.json");
        var original = File.ReadAllText(metrics);
        // One image's worth (1 of the 6 validation images).
        Shift(report, 1.0 / 6, "validation", "accuracy");
        var edited = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") });
        Assert.False(edited.Reproduced);
        Assert.Equal("metrics.json and predictions.csv disagree: only.validation.accuracy is not what the committed per-image predictions give", Assert.Single(edited.Integrity));

        // The other way round: metrics.json intact, one image's answer changed in predictions.csv.
        File.WriteAllText(metrics, original);
        var csv = Path.Combine(report, "predictions.csv");
        var lines = File.ReadAllLines(csv);
        var cells = lines[1].Split(',');
        cells[4] = cells[4] == "class_0" ? "class_1" : "class_0";
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(csv, lines);
        var changed = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again2") });
        Assert.False(changed.Reproduced);
        Assert.StartsWith("metrics.json and predictions.csv disagree: only.validation.", Assert.Single(changed.Integrity), StringComparison.Ordinal);

        // A damaged predictions.csv is a damaged report (exit 3), not a bad command line.
        File.WriteAllLines(csv, ["step,set,file"]);
        var damaged = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again3") });
        Assert.False(damaged.Reproduced);
        Assert.Contains("not a predictions.csv of this report", Assert.Single(damaged.Integrity), StringComparison.Ordinal);
    }

    /// <summary>On other numerics with no seed study, verify runs further seeds and judges the headline figures by their spread.</summary>
    [Fact]
    public void On_other_numerics_without_a_study_verify_measures_the_seed_spread_itself()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        // As if made with another torch thread count (the manifest is edited, so its checksums go too: an older report).
        File.Delete(Path.Combine(report, "checksums.sha256"));
        var manifest = Path.Combine(report, "manifest.json");
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["environment"]!["torch_threads"] = 99;
        File.WriteAllText(manifest, json.ToJsonString());

        var measured = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") }, null, 2);
        Assert.False(measured.SameNumerics);
        Assert.StartsWith("2 further seeds run by verify here", measured.SeedStudy, StringComparison.Ordinal);
        Assert.All(measured.Checks, c => Assert.Equal(3, c.Seeds));
        Assert.True(File.Exists(dir.Combine("again", "seeds", "seed6", "metrics.json")));
        Assert.True(File.Exists(dir.Combine("again", "seeds", "seed7", "metrics.json")));
        Assert.Contains("the seed-to-seed spread of 2 further seeds", File.ReadAllText(dir.Combine("again", "VERIFY.md")), StringComparison.Ordinal);

        var skipped = Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again2") }, null, 0);
        Assert.True(skipped.SeedsSkipped);
        Assert.Null(skipped.SeedStudy);
        Assert.Contains("the verdict rests on tolerances", skipped.Reason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("again2", "seeds")));
    }

    [Fact]
    public void Unknown_manifests_and_changed_data_are_refused_before_rerunning()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        var manifestPath = Path.Combine(report, "manifest.json");
        var original = File.ReadAllText(manifestPath);

        File.WriteAllText(dir.Combine("data", "Train", "class_0", "extra.png"), "");
        File.Copy(dir.Combine("data", "Train", "class_1", "img_000.png"), dir.Combine("data", "Train", "class_0", "extra.png"), overwrite: true);
        var changed = Assert.Throws<BadInputException>(() => Verifier.Verify(report, new RunOptions { OutputDir = dir.Combine("again") }));
        Assert.Contains("class_0: 10 in the report, 11 here", changed.Message, StringComparison.Ordinal);

        File.WriteAllText(manifestPath, original.Replace("\"tool_version\": \"0.1.0\"", "\"tool_version\": \"9.9.9\"", StringComparison.Ordinal));
        Assert.Contains("does not know", Assert.Throws<BadInputException>(() => CommittedReport.Read(report)).Message, StringComparison.Ordinal);
        File.WriteAllText(manifestPath, original.Replace("melanoma-exp-manifest/1", "other/7", StringComparison.Ordinal));
        Assert.Contains("unknown manifest format", Assert.Throws<BadInputException>(() => CommittedReport.Read(report)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_writes_a_side_by_side_table_and_curves()
    {
        using var dir = new TempDir();
        var report = Committed(dir);
        var text = ReportComparison.Write(report, report, dir.Combine("cmp"));
        Assert.Contains("| only | val_accuracy |", text, StringComparison.Ordinal);
        Assert.Contains("None.", text, StringComparison.Ordinal);
        Assert.Contains("Numerics: the same", text, StringComparison.Ordinal);
        Assert.Matches(@"\| only \| validation \| \d+ \| 0 \| 0 \| 0 \| 1 \|", text);
        Assert.True(File.Exists(dir.Combine("cmp", "only-validation-accuracy.png")));
        Assert.True(File.Exists(dir.Combine("cmp", "COMPARE.md")));
    }
}
