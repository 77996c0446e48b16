using System.Diagnostics;
using System.Text.Json.Nodes;
using MelanomaExp.Reporting;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Reporting;

public class ReportCurrencyTests
{
    private static readonly string Reports = Path.Combine(RepoPaths.Root, "reports");

    /// <summary>The CI guard of issue 26: a committed report may not claim a version of the tool this repository never had.</summary>
    [SkippableFact]
    public void Every_commit_a_committed_report_claims_is_in_this_repositorys_history()
    {
        Skip.If(Git("rev-parse --is-shallow-repository") is not { } shallow || shallow.Output != "false", "needs git and a full clone");
        var runs = ReportCurrency.Of(Reports).SelectMany(r => r.Runs).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, run => Assert.True(
            Git($"merge-base --is-ancestor {run.Commit} HEAD") is { Code: 0 },
            $"reports/{run.ManifestPath} claims commit {run.Commit}, which is not in this repository's history"));
    }

    [Fact]
    public void A_report_whose_experiment_resolves_differently_today_or_came_from_a_dirty_tree_is_stale()
    {
        using var dir = new TempDir();
        Copy(Path.Combine(Reports, "smoke"), dir.Combine("smoke"));
        Assert.True(Assert.Single(ReportCurrency.Of(dir.Path)).Current);

        var manifest = dir.Combine("smoke", "manifest.json");
        var original = File.ReadAllText(manifest);
        Edit(manifest, json => json["experiment"]!["resolved_yaml"] = json["experiment"]!["resolved_yaml"]!.GetValue<string>().Replace("seed: ", "seed: 9", StringComparison.Ordinal));
        var stale = Assert.Single(ReportCurrency.Of(dir.Path));
        Assert.False(stale.Current);
        Assert.StartsWith("its experiment resolves to ", Assert.Single(stale.Runs).Stale, StringComparison.Ordinal);

        File.WriteAllText(manifest, original);
        Edit(manifest, json => json["git"]!["dirty"] = true);
        Assert.Equal("made from a work tree with uncommitted changes", Assert.Single(Assert.Single(ReportCurrency.Of(dir.Path)).Runs).Stale);

        File.WriteAllText(manifest, original);
        Edit(manifest, json => json["experiment"]!["resolved_yaml"] = "name: x\nsteps: 3\n");
        Assert.StartsWith("its experiment no longer loads (smoke/manifest.json", Assert.Single(Assert.Single(ReportCurrency.Of(dir.Path)).Runs).Stale, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_report_is_stale_once_the_experiment_file_it_was_made_from_resolves_differently()
    {
        using var dir = new TempDir();
        Copy(Path.Combine(Reports, "smoke"), dir.Combine("reports", "smoke"));
        Directory.CreateDirectory(dir.Combine("experiments"));
        var source = dir.Combine("experiments", "smoke.yaml");
        File.Copy(Path.Combine(RepoPaths.Root, "experiments", "smoke.yaml"), source);
        Assert.True(Assert.Single(ReportCurrency.Of(dir.Combine("reports"))).Current);

        File.WriteAllText(source, File.ReadAllText(source).Replace("epochs: ", "epochs: 1", StringComparison.Ordinal));
        Assert.StartsWith("experiments/smoke.yaml has changed since", Assert.Single(Assert.Single(ReportCurrency.Of(dir.Combine("reports"))).Runs).Stale, StringComparison.Ordinal);
    }

    private static void Edit(string path, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        change(json);
        File.WriteAllText(path, json.ToJsonString());
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Code, string Output)? Git(string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", arguments) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
