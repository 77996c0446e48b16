using System.Text.Json;
using MelanomaExp.Results;
using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

/// <summary>Sweeps through a real one-node Slurm cluster (sbatch, squeue, scancel), against the local backend.</summary>
public class SlurmSweepTests(SlurmClusterFixture cluster) : IClassFixture<SlurmClusterFixture>
{
    private const string Yaml = """
        name: tiny
        seed: 1
        device: cpu
        data: { train: Train, image_size: [16, 16], validation_split: 0.25 }
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 1, batch_size: 8 }
          - name: second
            model: { arch: seed-cnn, dropout: 0.1 }
            train: { epochs: 1, batch_size: 8 }
        evaluation: { bootstrap: 10 }
        """;

    private static readonly string Tool = $"dotnet {Path.Combine(AppContext.BaseDirectory, "melanoma-exp.dll")}";

    private static (int Code, string Out) Sweep(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.RunCli(["sweep", .. args, "--command", Tool]);
        return (code, stdout + stderr);
    }

    /// <summary>Every study figure of every step, exactly (round-trip text), and the weights' hash.</summary>
    private static Dictionary<string, string?> Figures(string runDir) => ReportFolder.Read(runDir).Steps
        .SelectMany(s => ReportMetric.Studied.Select(m => ($"{s.Name}.{m.Name}", m.Read(s.Metrics)?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            .Append(($"{s.Name}.weights", s.WeightsSha256)))
        .ToDictionary(x => x.Item1, x => x.Item2);

    [SkippableFact]
    public void A_two_by_two_sweep_runs_as_an_array_job_and_a_failed_task_is_resubmitted_alone()
    {
        cluster.Require();
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 16);
        File.WriteAllText(dir.Combine("tiny.yaml"), Yaml);
        var sweep = dir.Combine("sweep");
        // The second grid value names a training folder that is not there yet: its two tasks fail at run time.
        string[] args = [dir.Combine("tiny.yaml"), "--output", sweep, "--data-root", dir.Combine("data"), "--seeds", "1,2", "--grid", "data.train=Train,Later", "--backend", "slurm", "--cpus-per-task", "1"];
        var (code, output) = Sweep(args);
        Assert.True(code == 0, output);
        Assert.Contains("submitted array job", output, StringComparison.Ordinal);
        SlurmCluster.WaitForEmptyQueue(TimeSpan.FromMinutes(4));

        var plan = SweepPlan.Read(sweep);
        var first = StudyCollector.Collect(sweep);
        Assert.Equal([RunStatus.Done, RunStatus.Done, RunStatus.Failed, RunStatus.Failed], first.Runs.Select(r => r.Status));
        var readme = File.ReadAllText(Path.Combine(sweep, "README.md"));
        Assert.Contains($"### {plan.Rows[2].Id}: failed (exit code 2)", readme, StringComparison.Ordinal);
        Assert.Contains("data folder not found", readme, StringComparison.Ordinal);

        SyntheticImages.WriteDataset(dir.Combine("data", "Later"), classes: 3, perClass: 8, size: 16, seed: 5);
        var finishedBefore = File.GetLastWriteTimeUtc(Path.Combine(SweepPlan.RunDir(sweep, plan.Rows[0].Id), "manifest.json"));
        (code, output) = Sweep(args);
        Assert.True(code == 0, output);
        Assert.Equal([2, 3], SlurmBackend.Submissions(sweep)[^1].Tasks);
        SlurmCluster.WaitForEmptyQueue(TimeSpan.FromMinutes(4));
        Assert.Equal(finishedBefore, File.GetLastWriteTimeUtc(Path.Combine(SweepPlan.RunDir(sweep, plan.Rows[0].Id), "manifest.json")));

        // The chained collect job wrote the study report; its numbers are the runs' own.
        using var study = JsonDocument.Parse(File.ReadAllText(Path.Combine(sweep, "study.json")));
        Assert.All(study.RootElement.GetProperty("runs").EnumerateArray(), r => Assert.Equal("done", r.GetProperty("status").GetString()));
        var cell = study.RootElement.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("point").GetString() == plan.Rows[2].Point
            && c.GetProperty("step").GetString() == "second" && c.GetProperty("metric").GetString() == "val_accuracy");
        var perSeed = plan.Rows.Where(r => r.Point == plan.Rows[2].Point)
            .Select(r => ReportJson.Number(ReportFolder.Read(SweepPlan.RunDir(sweep, r.Id)).Steps[1].Metrics, "validation", "accuracy")!.Value).ToList();
        Assert.Equal(perSeed.Average(), cell.GetProperty("mean").GetDouble(), 1e-12);
        Assert.Equal(2, study.RootElement.GetProperty("comparisons").EnumerateArray().Count(c => c.GetProperty("between").GetString() == "grid points" && c.GetProperty("metric").GetString() == "val_accuracy"));
        readme = File.ReadAllText(Path.Combine(sweep, "README.md"));
        Assert.Contains("**4 done**", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sweep, "study-val_accuracy.png")));
    }

    [SkippableFact]
    public void A_killed_task_resumes_from_its_checkpoint_and_matches_the_local_backend()
    {
        cluster.Require();
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 10, size: 32);
        File.WriteAllText(dir.Combine("tiny.yaml"), Yaml);
        var sweep = dir.Combine("slurm");
        string[] args = [dir.Combine("tiny.yaml"), "--data-root", dir.Combine("data"), "--seeds", "1", "--set", "steps.base.train.epochs=60", "--cpus-per-task", "1"];
        var (code, output) = Sweep([.. args, "--output", sweep, "--backend", "slurm"]);
        Assert.True(code == 0, output);
        var row = SweepPlan.Read(sweep).Rows.Single();
        var checkpoint = Path.Combine(MelanomaExp.Running.RunState.DirFor(SweepPlan.RunDir(sweep, row.Id)), "base", "checkpoint", "history.json");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!File.Exists(checkpoint) && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(20);
        }
        SlurmCluster.Exec("/usr/bin/scancel", "--signal=KILL", "--full", SlurmBackend.Submissions(sweep)[0].ArrayJob);
        SlurmCluster.WaitForEmptyQueue(TimeSpan.FromMinutes(1));
        Assert.False(File.Exists(Path.Combine(SweepPlan.RunDir(sweep, row.Id), "manifest.json")), "the task finished before it could be killed");
        Assert.Equal(RunStatus.Interrupted, SweepStatus.Of(sweep, SweepPlan.Read(sweep)).Single().Status);

        (code, output) = Sweep([.. args, "--output", sweep, "--backend", "slurm"]);
        Assert.True(code == 0, output);
        SlurmCluster.WaitForEmptyQueue(TimeSpan.FromMinutes(3));
        Assert.Contains("continuing the interrupted run", File.ReadAllText(SweepPlan.LogFile(sweep, row.Id)), StringComparison.Ordinal);
        Assert.StartsWith("resumed after epoch", ReportFolder.Read(SweepPlan.RunDir(sweep, row.Id)).Manifest.Steps![0].Reused, StringComparison.Ordinal);

        var local = dir.Combine("local");
        (code, output) = Sweep([.. args, "--output", local, "--backend", "local", "--jobs", "2"]);
        Assert.True(code == 0, output);
        Assert.Equal(Figures(SweepPlan.RunDir(local, row.Id)), Figures(SweepPlan.RunDir(sweep, row.Id)));
        // The cores are divided between the runs at once (OMP_NUM_THREADS), and the run honours it: its manifest says so.
        var threads = ReportFolder.Read(SweepPlan.RunDir(local, row.Id)).Manifest.Environment!.TorchThreads;
        Assert.Equal(LocalBackend.Threads(2), threads);
    }
}
