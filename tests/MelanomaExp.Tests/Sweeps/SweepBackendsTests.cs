using MelanomaExp.Cli.Commands;
using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

/// <summary>A backend added from outside, without touching the runner or the CLI: the plug-in point is the registration alone.</summary>
public class SweepBackendsTests
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
        """;

    /// <summary>
    /// Records what it is handed and runs nothing. Its queue speaks its own words ("busy", "waiting"), given per
    /// seed since run ids carry a hash, so the test can see them arrive as run states.
    /// </summary>
    private sealed class RecordingBackend(bool collectsAtEnd = true, string name = "dummy") : ISweepBackend
    {
        public Dictionary<int, string> Words { get; } = [];

        public List<string>? Launched { get; private set; }

        public List<string>? DryRunOf { get; private set; }

        public SweepRequest? Request { get; private set; }

        public string Name => name;

        public string Summary => "a recording test queue";

        public IReadOnlyList<SweepOption> Options { get; } =
        [
            SweepOption.Text($"--{name}-queue", "queue to record"),
            SweepOption.Whole($"--{name}-slots", "slots to record", 1, 9, fallback: 2),
        ];

        public bool CollectsAtEnd => collectsAtEnd;

        public IReadOnlyDictionary<string, QueueState> Queue(string dir, SweepPlan plan) => plan.Rows
            .Where(r => Words.ContainsKey(r.Seed))
            .ToDictionary(r => r.Id, r => Words[r.Seed] switch
            {
                "busy" => new QueueState(RunStatus.Running, $"{name} busy"),
                _ => new QueueState(RunStatus.Pending, $"{name} {Words[r.Seed]}") { Waiting = true },
            });

        public void DryRun(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log)
        {
            (Request, DryRunOf) = (request, todo.Select(s => s.Row.Id).ToList());
            log($"{name}: would record {todo.Count}");
        }

        public int Launch(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log, CancellationToken cancel)
        {
            (Request, Launched) = (request, todo.Select(s => s.Row.Id).ToList());
            log($"{name}: recorded {todo.Count}");
            // One "failed" run, so the test sees the backend's count become the sweep's.
            return 1;
        }
    }

    private static (string File, string Sweep) Setup(TempDir dir)
    {
        var file = dir.Combine("tiny.yaml");
        File.WriteAllText(file, Yaml);
        return (file, dir.Combine("sweep"));
    }

    [Fact]
    public void The_runner_hands_the_runs_still_to_do_to_the_backend_and_reads_its_queue_as_run_states()
    {
        using var dir = new TempDir();
        var (file, sweep) = Setup(dir);
        var plan = SweepPlanner.Plan(file, [], "1,2,3", [], dir.Combine("data"));
        var backend = new RecordingBackend();
        backend.Words[1] = "busy";
        backend.Words[2] = "waiting";
        var log = new List<string>();

        var failed = SweepRunner.Execute(new SweepRequest(sweep, plan, backend), log.Add);

        Assert.Equal(1, failed);
        // Seed 1 runs in the dummy's queue, so it is left alone; the waiting and the unknown one are handed over.
        Assert.Equal([plan.Rows[1].Id, plan.Rows[2].Id], backend.Launched);
        Assert.Null(backend.DryRunOf);
        Assert.Contains($"  {plan.Rows[0].Id} | 1 | (none) | ? | running", log);
        Assert.Contains("dummy: recorded 2", log);
        var states = SweepStatus.Of(sweep, SweepPlan.Read(sweep), backend.Queue(sweep, plan));
        Assert.Equal([(RunStatus.Running, "dummy busy"), (RunStatus.Pending, "dummy waiting"), (RunStatus.Pending, "not started")], states.Select(s => (s.Status, s.Detail)));
        // It said its runs had ended, so the runner collected the study report after them.
        Assert.True(File.Exists(Path.Combine(sweep, "README.md")));
        Assert.Contains(log, l => l.StartsWith("study report: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dry_run_only_asks_the_backend_to_describe_and_a_backend_that_collects_later_gets_no_report()
    {
        using var dir = new TempDir();
        var (file, sweep) = Setup(dir);
        var plan = SweepPlanner.Plan(file, [], "1,2", [], dir.Combine("data"));
        var backend = new RecordingBackend(collectsAtEnd: false);
        var log = new List<string>();

        Assert.Equal(0, SweepRunner.Execute(new SweepRequest(sweep, plan, backend) { DryRun = true }, log.Add));
        Assert.Equal(plan.Rows.Select(r => r.Id), backend.DryRunOf);
        Assert.Null(backend.Launched);
        Assert.Contains("dummy: would record 2", log);

        Assert.Equal(1, SweepRunner.Execute(new SweepRequest(sweep, plan, backend), log.Add));
        Assert.Equal(2, backend.Launched!.Count);
        Assert.False(File.Exists(Path.Combine(sweep, "README.md")));
    }

    [Fact]
    public void A_registered_backend_is_offered_by_sweep_with_its_own_options_and_its_queue_reaches_status()
    {
        using var dir = new TempDir();
        var (file, sweep) = Setup(dir);
        var backend = new RecordingBackend();
        backend.Words[2] = "busy";
        var backends = SweepBackends.All.With(backend);
        (int Code, string Out, string Err) Cli(params string[] args)
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var code = CliApp.Run(args, stdout, stderr, backends);
            return (code, stdout.ToString(), stderr.ToString());
        }
        string[] sweepArgs = ["sweep", file, "--output", sweep, "--data-root", dir.Combine("data"), "--seeds", "1,2", "--backend", "dummy"];

        var (code, stdout, stderr) = Cli([.. sweepArgs, "--dummy-queue", "night", "--dummy-slots", "3"]);

        Assert.True(code == 1, stderr);
        Assert.Contains("dummy: recorded 1", stdout, StringComparison.Ordinal);
        Assert.Equal("night", backend.Request!.Options.Text("--dummy-queue"));
        Assert.Equal(3, backend.Request.Options.Whole("--dummy-slots"));
        var plan = SweepPlan.Read(sweep);
        Assert.Equal([plan.Rows[0].Id], backend.Launched);
        (code, stdout, stderr) = Cli("sweep", "--status", sweep);
        Assert.True(code == 0, stderr);
        Assert.Contains($"{plan.Rows[1].Id}: running (dummy busy)", stdout, StringComparison.Ordinal);

        // Its options are checked like the built-in ones, and the default is the declared fallback.
        (code, _, stderr) = Cli([.. sweepArgs, "--dummy-slots", "0"]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: --dummy-slots: must be a whole number from 1 to 9, got '0'", stderr, StringComparison.Ordinal);
        (code, _, stderr) = Cli(sweepArgs);
        Assert.True(code == 1, stderr);
        Assert.Equal(2, backend.Request.Options.Whole("--dummy-slots"));
        Assert.Null(backend.Request.Options.Text("--dummy-queue"));

        // Without the registration the same command line is refused while parsing.
        (code, _, stderr) = CliRunner.RunCli(sweepArgs);
        Assert.Equal(2, code);
        Assert.Contains("dummy", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_list_names_local_first_and_refuses_a_second_backend_of_the_same_name_or_option()
    {
        Assert.Equal(["local", "slurm"], SweepBackends.All.Items.Select(b => b.Name));
        Assert.Equal("local", SweepBackends.All.Default.Name);
        Assert.Throws<ArgumentException>(() => SweepBackends.All.With(new RecordingBackend(name: "local")));
        var extra = SweepBackends.All.With(new RecordingBackend());
        Assert.Throws<ArgumentException>(() => extra.With(new RecordingBackend()));
        // Adding one leaves the shared list as it was.
        Assert.Equal(2, SweepBackends.All.Items.Count);
        Assert.Throws<BadInputException>(() => SweepBackends.All.Named("dummy"));
    }
}
