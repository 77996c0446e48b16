using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Results;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;

namespace MelanomaExp.Tests.Running;

public class ExperimentRunnerTests
{
    private const string Yaml = """
        name: tiny
        seed: 11
        device: cpu
        data: { train: Train, image_size: [32, 32], validation_split: 0.25 }
        steps:
          - name: first
            model: { arch: seed-cnn, dropout: 0.2 }
            train: { epochs: 3, batch_size: 8 }
          - name: second
            model: { arch: seed-cnn }
            train: { epochs: 2, batch_size: 8 }
        evaluation: { bootstrap: 50 }
        """;

    private static Experiment Tiny(params string[] overrides) => ExperimentLoader.Parse(Yaml, "tiny.yaml", overrides);

    private static TempDir Data()
    {
        var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 12, size: 32);
        return dir;
    }

    private static RunResult Run(TempDir dir, string output, bool resume = false, Experiment? experiment = null, Action<string, EpochRecord>? epochDone = null, CancellationToken cancel = default) =>
        ExperimentRunner.Run(experiment ?? Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine(output), Resume = resume, EpochDone = epochDone, Sink = ReportSink.Instance }, cancel);

    /// <summary>The numbers of a run, without wall-clock times.</summary>
    private static string Numbers(RunResult r) => string.Join('\n', r.Steps.SelectMany(s =>
        s.Epochs.Select(e => $"{s.Name} {e.Epoch} {e.TrainLoss:R} {e.TrainAccuracy:R} {e.ValLoss:R} {e.ValAccuracy:R}").Append($"{s.Name} {s.WeightsSha256}")));

    /// <summary>Keeps what the runner hands over: the result, and the sha256 of each model file found where the runner said.</summary>
    private sealed class RecordingSink : IResultSink
    {
        public List<(RunResult Run, Dictionary<string, string> Weights, string Target)> Runs { get; } = [];

        public void Write(RunResult run, string models, MelanomaExp.Safety.OutputFolder target) => Runs.Add((run, run.Steps.ToDictionary(
            s => s.Name,
            s => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(models, s.ModelDir, MelanomaExp.Models.ModelBundle.WeightsFile))))), target.Path));

        public void Write(SeedStudyResult study, MelanomaExp.Safety.OutputFolder target) => throw new InvalidOperationException("not a seed study");
    }

    [Fact]
    public void The_runner_writes_no_report_itself_but_hands_the_result_and_the_saved_models_to_its_sink()
    {
        using var dir = Data();
        var sink = new RecordingSink();
        var run = ExperimentRunner.Run(Tiny("steps.first.train.epochs=1", "steps.second.train.epochs=1"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = sink });
        var handed = Assert.Single(sink.Runs);
        Assert.Same(run, handed.Run);
        Assert.Equal(Path.GetFullPath(dir.Combine("out")), Path.GetFullPath(handed.Target));
        // The models the sink found are the very files the result's hashes describe.
        Assert.Equal(run.Steps.ToDictionary(s => s.Name, s => s.WeightsSha256!), handed.Weights);
        // Nothing of a report was written, and the run's working files are gone once the sink returned.
        Assert.False(File.Exists(dir.Combine("out", ReportFiles.Metrics)));
        Assert.False(File.Exists(dir.Combine("out", ReportFiles.Readme)));
        Assert.False(Directory.Exists(RunState.DirFor(dir.Combine("out"))));
        Assert.Empty(Directory.GetDirectories(dir.Path, ".out.staging-*"));

        // Without a sink the run still returns its result, and writes no report either.
        var quiet = ExperimentRunner.Run(Tiny("steps.first.train.epochs=1", "steps.second.train.epochs=1"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("quiet") });
        Assert.Equal(run.Steps.Select(s => s.WeightsSha256), quiet.Steps.Select(s => s.WeightsSha256));
        Assert.False(File.Exists(dir.Combine("quiet", ReportFiles.Metrics)));
    }

    [Fact]
    public void Two_runs_give_bit_identical_metrics_and_weight_files()
    {
        using var dir = Data();
        var a = Run(dir, "a");
        var b = Run(dir, "b");
        Assert.Equal(Numbers(a), Numbers(b));
        Assert.All(a.Steps, s => Assert.Matches("^[0-9a-f]{64}$", s.WeightsSha256!));
    }

    [Fact]
    public void An_interrupted_run_resumes_to_the_same_result_as_an_uninterrupted_one()
    {
        using var dir = Data();
        var uninterrupted = Run(dir, "whole");

        // Interrupt in the middle of the first step, after its first epoch was checkpointed.
        using var cancel = new CancellationTokenSource();
        var stopped = Assert.Throws<RunInterruptedException>(() =>
            Run(dir, "cut", epochDone: (step, e) => { if (step == "first" && e.Epoch == 1) { cancel.Cancel(); } }, cancel: cancel.Token));
        // The message says what --resume will find, learnt from the run state, not assumed.
        Assert.Contains("first checkpointed after epoch 1", stopped.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("cut")));
        Assert.True(Directory.Exists(RunState.DirFor(dir.Combine("cut"))));

        var resumed = Run(dir, "cut", resume: true);
        Assert.Equal(Numbers(uninterrupted), Numbers(resumed));
        Assert.False(Directory.Exists(RunState.DirFor(dir.Combine("cut"))));
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("cut", "manifest.json")));
        Assert.Equal("resumed after epoch 1", manifest.RootElement.GetProperty("steps")[0].GetProperty("reused").GetString());
    }

    [Fact]
    public void Resume_after_the_first_step_finished_reuses_it()
    {
        using var dir = Data();
        var uninterrupted = Run(dir, "whole");
        using var cancel = new CancellationTokenSource();
        var stopped = Assert.Throws<RunInterruptedException>(() =>
            Run(dir, "cut", epochDone: (step, _) => { if (step == "second") { cancel.Cancel(); } }, cancel: cancel.Token));
        Assert.Contains("first finished, second checkpointed after epoch 1", stopped.Message, StringComparison.Ordinal);
        var resumed = Run(dir, "cut", resume: true);
        Assert.Equal(Numbers(uninterrupted), Numbers(resumed));
    }

    [Fact]
    public void Resume_is_refused_when_the_experiment_or_data_changed_or_nothing_was_interrupted()
    {
        using var dir = Data();
        var nothing = Assert.Throws<BadInputException>(() => Run(dir, "none", resume: true));
        Assert.Contains("no interrupted run", nothing.Message, StringComparison.Ordinal);

        using var cancel = new CancellationTokenSource();
        Assert.Throws<RunInterruptedException>(() => Run(dir, "cut", epochDone: (_, _) => cancel.Cancel(), cancel: cancel.Token));

        var changed = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true, experiment: Tiny("steps.first.train.epochs=4")));
        Assert.Contains("experiment changed", changed.Message, StringComparison.Ordinal);
        Assert.Contains("'epochs: 3' -> 'epochs: 4'", changed.Message, StringComparison.Ordinal);

        File.Copy(dir.Combine("data", "Train", "class_0", "img_000.png"), dir.Combine("data", "Train", "class_0", "extra.png"));
        var data = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true));
        Assert.Contains("training data changed", data.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The seed-2 base step of study-seeds: its first epoch was trained under <c>sweep --jobs 2</c> (one torch thread),
    /// the other 19 were resumed with two, so it matched neither run. A checkpoint written with other numerics is now
    /// refused by --resume and started over, saying why, by --resume-if-interrupted.
    /// </summary>
    [Fact]
    public void A_checkpoint_trained_with_other_numerics_is_never_continued()
    {
        using var dir = Data();
        var uninterrupted = Run(dir, "whole");
        using var cancel = new CancellationTokenSource();
        Assert.Throws<RunInterruptedException>(() =>
            Run(dir, "cut", epochDone: (step, e) => { if (step == "first" && e.Epoch == 1) { cancel.Cancel(); } }, cancel: cancel.Token));
        // As if the checkpoint had been written by a process with another torch thread count.
        var stateFile = Path.Combine(RunState.DirFor(dir.Combine("cut")), "run.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(stateFile))!.AsObject();
        var here = MelanomaExp.Provenance.NumericsFingerprint.Current;
        var threads = TorchSharp.torch.get_num_threads();
        state["Numerics"] = here.Replace($"threads={threads}", $"threads={threads + 1}", StringComparison.Ordinal);
        File.WriteAllText(stateFile, state.ToJsonString());

        var refused = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true));
        Assert.Contains("other numerics", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"threads {threads + 1} -> {threads}", refused.Message, StringComparison.Ordinal);

        var log = new List<string>();
        var restarted = ExperimentRunner.Run(Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("cut"), ResumeIfInterrupted = true, Sink = ReportSink.Instance, Log = log.Add });
        Assert.Contains(log, l => l.StartsWith("not continuing the interrupted run", StringComparison.Ordinal) && l.Contains("other numerics", StringComparison.Ordinal));
        Assert.Null(restarted.Provenance!.Steps[0].Reused);
        Assert.Equal(Numbers(uninterrupted), Numbers(restarted));
    }

    [Fact]
    public void Manifest_records_provenance()
    {
        using var dir = Data();
        var run = ExperimentRunner.Run(Tiny("steps.first.train.epochs=1", "steps.second.train.epochs=1"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), AuditDeterminism = true, Sink = ReportSink.Instance });
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("out", "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(run.Experiment.Hash, root.GetProperty("experiment").GetProperty("hash").GetString());
        Assert.Equal(36, root.GetProperty("data").GetProperty("train").GetProperty("images").GetInt32());
        Assert.Equal(12, root.GetProperty("data").GetProperty("train").GetProperty("per_class").GetProperty("class_0").GetInt32());
        Assert.Matches("^[0-9a-f]{16}$", root.GetProperty("data").GetProperty("train").GetProperty("fingerprint").GetString()!);
        Assert.True(root.GetProperty("packages").TryGetProperty("TorchSharp", out _));
        Assert.True(root.GetProperty("environment").GetProperty("torch_threads").GetInt32() >= 1);
        var audit = root.GetProperty("determinism_audit");
        Assert.True(audit.GetProperty("losses_match").GetBoolean());
        Assert.True(audit.GetProperty("weights_match").GetBoolean());
    }

    [Fact]
    public void Manifest_records_the_device_its_build_and_why_auto_fell_back()
    {
        using var dir = Data();
        var logged = new List<string>();
        ExperimentRunner.Run(
            Tiny("steps.first.train.epochs=1", "steps.second.train.epochs=1"),
            new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Device = DeviceChoice.Auto, Log = logged.Add, Sink = ReportSink.Instance });
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.Combine("out", "manifest.json")));
        var device = manifest.RootElement.GetProperty("device");
        Assert.Equal("auto", device.GetProperty("requested").GetString());
        Assert.Equal("cpu", device.GetProperty("used").GetString());
        Assert.Equal("cpu", device.GetProperty("backend").GetString());
        Assert.Equal("TorchSharp-cpu", device.GetProperty("package").GetString());
        var reason = device.GetProperty("fallback_reason").GetString();
        Assert.Contains("TorchSharp-cpu", reason, StringComparison.Ordinal);
        Assert.Contains(reason, logged);
        Assert.False(device.GetProperty("libtorch_determinism").GetProperty("cudnn_deterministic").GetBoolean());
        Assert.Equal(JsonValueKind.Null, device.GetProperty("cuda_preflight").ValueKind);
    }

    [Fact]
    public void Unchanged_steps_are_reused_and_force_trains_them_again()
    {
        using var dir = Data();
        var first = Run(dir, "out");
        var edited = Run(dir, "out", experiment: Tiny("steps.second.train.epochs=1"));
        Assert.Equal(Numbers(first).Split('\n').Where(l => l.StartsWith("first", StringComparison.Ordinal)), Numbers(edited).Split('\n').Where(l => l.StartsWith("first", StringComparison.Ordinal)));
        Assert.Single(edited.Steps[1].Epochs);
        var notes = edited.Provenance!.Steps.Select(s => s.Reused).ToList();
        Assert.StartsWith("unchanged since the previous report", notes[0], StringComparison.Ordinal);
        Assert.Null(notes[1]);

        var forced = ExperimentRunner.Run(Tiny("steps.second.train.epochs=1"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Force = true, Sink = ReportSink.Instance });
        Assert.All(forced.Provenance!.Steps, s => Assert.Null(s.Reused));
        Assert.Equal(Numbers(edited), Numbers(forced));
    }

    [Fact]
    public void Interrupted_before_training_keeps_nothing_and_says_so()
    {
        using var dir = Data();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var stopped = Assert.Throws<RunInterruptedException>(() => Run(dir, "cut", cancel: cancel.Token));
        Assert.Contains("before training started: nothing was written", stopped.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(RunState.DirFor(dir.Combine("cut"))));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{}")]
    [InlineData("")]
    public void A_damaged_run_record_is_a_clear_error_on_resume(string damaged)
    {
        using var dir = Data();
        using var cancel = new CancellationTokenSource();
        Assert.Throws<RunInterruptedException>(() => Run(dir, "cut", epochDone: (_, _) => cancel.Cancel(), cancel: cancel.Token));
        var record = Path.Combine(RunState.DirFor(dir.Combine("cut")), "run.json");
        File.WriteAllText(record, damaged);
        var e = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true));
        Assert.Contains($"{record} is damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reused_step_is_re_evaluated_and_an_edited_history_is_trained_again()
    {
        using var dir = Data();
        var first = Run(dir, "out");
        var metrics = dir.Combine("out", "metrics.json");
        var original = File.ReadAllText(metrics);
        var claimed = first.Steps[0].Epochs[^1].ValAccuracy;
        var text = original.Replace($"\"val_accuracy\": {claimed.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", "\"val_accuracy\": 0.97", StringComparison.Ordinal);
        Assert.NotEqual(original, text);
        File.WriteAllText(metrics, text);
        var lines = new List<string>();
        var again = ExperimentRunner.Run(Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Log = lines.Add, Sink = ReportSink.Instance });
        // Found by the checksums before anything is copied: every figure of an edited metrics.json is suspect, not only validation accuracy.
        Assert.Contains(lines, l => l.StartsWith("first: not reused from the previous report, the previous report was edited: metrics.json was changed after melanoma-exp wrote it", StringComparison.Ordinal));
        Assert.Null(again.Provenance!.Steps[0].Reused);
        Assert.Equal(claimed, again.Steps[0].Epochs[^1].ValAccuracy);

        // A report without checksums (as from before they were written): the re-evaluation still finds the edit.
        File.WriteAllText(metrics, File.ReadAllText(metrics).Replace($"\"val_accuracy\": {claimed.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}", "\"val_accuracy\": 0.97", StringComparison.Ordinal));
        File.Delete(dir.Combine("out", "checksums.sha256"));
        lines.Clear();
        again = ExperimentRunner.Run(Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Log = lines.Add, Sink = ReportSink.Instance });
        Assert.Contains(lines, l => l.Contains("the previous report says validation 97.00%", StringComparison.Ordinal));
        Assert.Null(again.Provenance!.Steps[0].Reused);
    }

    [Fact]
    public void Swapped_weights_are_not_reused()
    {
        using var dir = Data();
        Run(dir, "out");
        var models = dir.Combine("out", "models");
        File.Copy(Path.Combine(models, "second", "weights.pt"), Path.Combine(models, "first", "weights.pt"), overwrite: true);
        var lines = new List<string>();
        var again = ExperimentRunner.Run(Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Log = lines.Add, Sink = ReportSink.Instance });
        Assert.Null(again.Provenance!.Steps[0].Reused);
        Assert.Contains("first: not reused from the previous report, models/first/weights.pt is not the model the previous report trained (its sha256 differs from the manifest's); training it", lines);
        Assert.StartsWith("unchanged since the previous report", again.Provenance!.Steps[1].Reused, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_files_are_named_on_the_console_as_well_as_in_the_report()
    {
        using var dir = Data();
        var fifo = dir.Combine("data", "Train", "class_1", "pipe.jpg");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }
        var lines = new List<string>();
        ExperimentRunner.Run(Tiny("data.on_bad_image=skip", "steps.first.train.epochs=1", "steps.second.train.epochs=1"), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Log = lines.Add, Sink = ReportSink.Instance });
        Assert.Contains($"skipped (on_bad_image: skip): {fifo}: empty file, or not a regular file (FIFO, socket or device)", lines);
        Assert.Contains(fifo, File.ReadAllText(dir.Combine("out", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_checkpoint_is_a_clear_error()
    {
        using var dir = Data();
        using var cancel = new CancellationTokenSource();
        Assert.Throws<RunInterruptedException>(() => Run(dir, "cut", epochDone: (_, _) => cancel.Cancel(), cancel: cancel.Token));
        var weights = Path.Combine(RunState.DirFor(dir.Combine("cut")), "first", "checkpoint", "model.pt");
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..100]);
        var e = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true));
        Assert.Contains("checkpoint is damaged", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sweeps resubmit with --resume-if-interrupted, which can never add "run without --resume": a damaged run state
    /// must start over and say why on the log, not fail every resubmission nor start over silently.
    /// </summary>
    [Theory]
    [InlineData("checkpoint")]
    [InlineData("finished weights")]
    [InlineData("run.json garbled")]
    [InlineData("run.json gone")]
    public void A_damaged_run_state_is_refused_by_resume_and_started_over_saying_why_when_interrupted(string damage)
    {
        using var dir = Data();
        var uninterrupted = Run(dir, "whole");
        using var cancel = new CancellationTokenSource();
        Assert.Throws<RunInterruptedException>(() =>
            Run(dir, "cut", epochDone: (step, e) => { if (step == "second" && e.Epoch == 1) { cancel.Cancel(); } }, cancel: cancel.Token));
        var state = RunState.DirFor(dir.Combine("cut"));
        var (file, why) = damage switch
        {
            "checkpoint" => (Path.Combine(state, "second", "checkpoint", "model.pt"), "the checkpoint is damaged"),
            "finished weights" => (Path.Combine(state, "first", "final.pt"), "the finished step's weights are damaged"),
            "run.json garbled" => (Path.Combine(state, "run.json"), "is damaged"),
            _ => (Path.Combine(state, "run.json"), "is missing"),
        };
        if (damage == "run.json gone")
        {
            File.Delete(file);
        }
        else
        {
            // Same size, some bytes flipped: what a bad disk or a bad copy leaves.
            var bytes = File.ReadAllBytes(file);
            for (var i = bytes.Length - 4; i < bytes.Length - 1; i++)
            {
                bytes[i] ^= 0x55;
            }
            File.WriteAllBytes(file, bytes);
        }

        var refused = Assert.Throws<BadInputException>(() => Run(dir, "cut", resume: true));
        Assert.StartsWith($"--resume: {file}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);

        var log = new List<string>();
        var restarted = ExperimentRunner.Run(Tiny(), new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("cut"), ResumeIfInterrupted = true, Sink = ReportSink.Instance, Log = log.Add });
        Assert.Contains(log, l => l.StartsWith($"not continuing the interrupted run in {state}: {file}", StringComparison.Ordinal) && l.Contains(why, StringComparison.Ordinal) && l.EndsWith("; starting over", StringComparison.Ordinal));
        Assert.All(restarted.Provenance!.Steps, s => Assert.Null(s.Reused));
        Assert.Equal(Numbers(uninterrupted), Numbers(restarted));
    }

    [Fact]
    public void A_killed_process_resumes_to_the_same_result()
    {
        using var dir = Data();
        string[] longer = ["steps.first.train.epochs=40", "steps.second.train.epochs=1"];
        var file = dir.Combine("tiny.yaml");
        File.WriteAllText(file, Yaml);
        var output = dir.Combine("killed");
        var checkpoint = Path.Combine(RunState.DirFor(output), "first", "checkpoint", "history.json");

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "melanoma-exp.dll"), "run", file, "--data-root", dir.Combine("data"), "--output", output, "--device", "cpu" }
            .Concat(longer.SelectMany(o => new[] { "--set", o })))
        {
            start.ArgumentList.Add(arg);
        }
        using (var child = System.Diagnostics.Process.Start(start)!)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!File.Exists(checkpoint) && !child.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(20);
            }
            Assert.False(child.HasExited, "the run ended before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
        Assert.False(Directory.Exists(output));

        var resumed = Run(dir, "killed", resume: true, experiment: Tiny(longer));
        var whole = Run(dir, "whole", experiment: Tiny(longer));
        Assert.Equal(Numbers(whole), Numbers(resumed));
        Assert.StartsWith("resumed after epoch", resumed.Provenance!.Steps[0].Reused, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_folder_is_evaluated_for_every_step_and_compared_between_steps()
    {
        using var dir = Data();
        SyntheticImages.WriteDataset(dir.Combine("data", "Test"), classes: 3, perClass: 4, size: 32, seed: 9);
        var run = Run(dir, "out", experiment: Tiny("data.test=Test", "steps.first.train.epochs=1", "steps.second.train.epochs=1"));
        Assert.All(run.Steps, s => Assert.Equal(12, s.Test!.Images));
        Assert.Contains(run.Comparisons, c => c.Set == "test");
        Assert.Equal([4, 4, 4], run.Dataset.TestCounts!);

        Directory.CreateDirectory(dir.Combine("data", "Test", "class_9"));
        File.Copy(dir.Combine("data", "Test", "class_0", "img_000.png"), dir.Combine("data", "Test", "class_9", "x.png"));
        var e = Assert.Throws<BadInputException>(() => Run(dir, "out2", experiment: Tiny("data.test=Test")));
        Assert.Contains("test classes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_best_evaluates_the_weights_of_the_epoch_with_the_lowest_validation_loss()
    {
        using var dir = Data();
        // A high learning rate makes validation loss rise after its minimum, so best and last differ.
        var run = Run(dir, "best", experiment: Tiny("steps.first.train.keep=best", "steps.first.train.epochs=6", "steps.first.train.learning_rate=0.01", "steps.second.train.epochs=1"));
        var step = run.Steps[0];
        var lowest = step.Epochs.MinBy(e => e.ValLoss)!;
        Assert.Equal(lowest.Epoch, step.Kept.Epoch);
        // The evaluation pass on the kept weights reproduces the loss recorded at that epoch, not the last one.
        Assert.Equal(lowest.ValLoss, step.Validation.Loss, 5);
        if (step.Last.ValLoss - lowest.ValLoss > 1e-4)
        {
            Assert.NotEqual(step.Last.ValLoss, step.Validation.Loss, 5);
        }
        Assert.Equal(run.Steps[1].Last.Epoch, run.Steps[1].Kept.Epoch);
    }
}
