using System.Globalization;
using System.Text.Json;

namespace MelanomaExp.Sweeps;

/// <summary>Submits the array job for the rows still to do and the collect job chained after it (<c>--dependency=afterany</c>).</summary>
internal sealed class SlurmBackend : ISweepBackend
{
    public const string JobsFile = "jobs.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string Name => "slurm";

    public string Summary => "an array job";

    public IReadOnlyList<SweepOption> Options { get; } =
    [
        SweepOption.Text("--partition", "partition"),
        SweepOption.Text("--time", "time limit per run, e.g. 04:00:00"),
        SweepOption.Whole("--cpus-per-task", "CPUs per run (also its torch threads)", 1, int.MaxValue),
        SweepOption.Text("--mem", "memory per run, e.g. 8G"),
        SweepOption.Text("--gres", "generic resources per run, e.g. gpu:1"),
        SweepOption.Text("--account", "account to charge"),
        SweepOption.Repeated("--sbatch-arg", "a further #SBATCH argument, e.g. --sbatch-arg=--qos=low (repeatable)"),
    ];

    /// <summary>False: the collect job chained after the array job builds the study report once the tasks end.</summary>
    public bool CollectsAtEnd => false;

    public IReadOnlyDictionary<string, QueueState> Queue(string dir, SweepPlan plan) =>
        SlurmJobStates.States(dir, plan).ToDictionary(s => s.Key, s => SlurmJobStates.Map(s.Value));

    public void DryRun(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log)
    {
        if (Scripts(request, todo, log) is { } tasks)
        {
            log("dry run, nothing submitted; these commands would submit it:");
            foreach (var command in Commands(request.Dir, tasks))
            {
                log($"  {command}");
            }
        }
    }

    public int Launch(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log, CancellationToken cancel)
    {
        if (Scripts(request, todo, log) is { } tasks)
        {
            var submission = Submit(request.Dir, tasks);
            log($"submitted array job {submission.ArrayJob} ({tasks.Count} tasks) and collect job {submission.CollectJob} (after it); follow with melanoma-exp sweep --status {request.Dir}");
        }
        return 0;
    }

    /// <summary>
    /// Writes and marks the job scripts, also on a dry run (so they can be read or submitted by hand), and
    /// returns the array task numbers to submit; null when every run is done or running.
    /// </summary>
    private static List<int>? Scripts(SweepRequest request, IReadOnlyList<SweepRunState> todo, Action<string> log)
    {
        var (dir, plan) = (request.Dir, request.Plan);
        SlurmScripts.Write(dir, plan, Bind(request));
        // Before submitting: the tasks write into the folders the scripts name.
        SweepFolder.Remark(dir);
        log($"job scripts: {SlurmScripts.ArrayPath(dir)}, {SlurmScripts.CollectPath(dir)}");
        var tasks = todo.Select(s => plan.Rows.ToList().IndexOf(s.Row)).ToList();
        if (tasks.Count == 0)
        {
            log($"nothing to submit: every run is done or running (melanoma-exp collect {dir} builds the study report)");
            return null;
        }
        return tasks;
    }

    private static SlurmOptions Bind(SweepRequest request) => new()
    {
        Partition = request.Options.Text("--partition"),
        Time = request.Options.Text("--time"),
        CpusPerTask = request.Options.Whole("--cpus-per-task"),
        Memory = request.Options.Text("--mem"),
        Gres = request.Options.Text("--gres"),
        Account = request.Options.Text("--account"),
        Extra = request.Options.Repeated("--sbatch-arg"),
        Command = request.Command,
    };

    /// <summary>One submission: the array job, the rows (array task numbers) it runs, and the collect job.</summary>
    public sealed record Submission(string ArrayJob, IReadOnlyList<int> Tasks, string CollectJob);

    /// <summary>The sbatch command lines that submit <paramref name="tasks"/> (shown by --dry-run).</summary>
    public static IReadOnlyList<string> Commands(string dir, IReadOnlyList<int> tasks) =>
    [
        $"sbatch --parsable --array={ArraySpec(tasks)} {SlurmScripts.ArrayPath(dir)}",
        $"sbatch --parsable --dependency=afterany:<array job> {SlurmScripts.CollectPath(dir)}",
    ];

    public static Submission Submit(string dir, IReadOnlyList<int> tasks)
    {
        var array = Sbatch("--parsable", $"--array={ArraySpec(tasks)}", SlurmScripts.ArrayPath(dir));
        var collect = Sbatch("--parsable", $"--dependency=afterany:{array}", SlurmScripts.CollectPath(dir));
        var submission = new Submission(array, tasks, collect);
        var path = Path.Combine(dir, SlurmScripts.Folder, JobsFile);
        var all = Submissions(dir).Append(submission).ToList();
        File.WriteAllText(path, JsonSerializer.Serialize(all, Indented));
        return submission;
    }

    public static IReadOnlyList<Submission> Submissions(string dir)
    {
        var path = Path.Combine(dir, SlurmScripts.Folder, JobsFile);
        return File.Exists(path) ? JsonSerializer.Deserialize<List<Submission>>(File.ReadAllText(path)) ?? [] : [];
    }

    public static string ArraySpec(IReadOnlyList<int> tasks) => string.Join(',', tasks.Select(t => t.ToString(CultureInfo.InvariantCulture)));

    private static string Sbatch(params string[] args)
    {
        var (code, output, error) = Tool.Run("sbatch", args);
        if (code != 0)
        {
            throw new BadInputException($"sbatch {string.Join(' ', args)}: exit code {code}: {error.Trim()}");
        }
        // --parsable prints "jobid" or "jobid;cluster".
        return output.Trim().Split(';')[0];
    }
}
