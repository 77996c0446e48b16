using System.Globalization;
using System.Text;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Writes <c>DIR/slurm/sweep.sbatch</c> (one array task per plan row, each running <c>melanoma-exp run</c> of
/// its row into <c>DIR/runs/&lt;id&gt;/</c>) and <c>DIR/slurm/collect.sbatch</c>. The array task's number is the
/// row's index in plan.json, so a resubmission of some rows is <c>sbatch --array=2,5 sweep.sbatch</c>.
/// </summary>
internal static class SlurmScripts
{
    public const string Folder = "slurm";
    public const string Array = "sweep.sbatch";
    public const string Collect = "collect.sbatch";

    public static string ArrayPath(string dir) => Path.Combine(Path.GetFullPath(dir), Folder, Array);

    public static string CollectPath(string dir) => Path.Combine(Path.GetFullPath(dir), Folder, Collect);

    public static void Write(string dir, SweepPlan plan, SlurmOptions options)
    {
        Directory.CreateDirectory(Path.Combine(dir, Folder));
        Directory.CreateDirectory(Path.Combine(dir, SweepPlan.LogsFolder));
        var logs = Path.Combine(Path.GetFullPath(dir), SweepPlan.LogsFolder);
        var tasks = new StringBuilder();
        tasks.AppendLine("#!/bin/bash");
        tasks.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --job-name={Quote($"melanoma-exp-{plan.Experiment}")}");
        tasks.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --output={Quote(Path.Combine(logs, "slurm-%A_%a.out"))}");
        // A preempted task goes back to the queue and continues from its checkpoint (run --resume-if-interrupted).
        tasks.AppendLine("#SBATCH --requeue");
        Directives(tasks, options, forTasks: true);
        tasks.AppendLine(CultureInfo.InvariantCulture, $"# Written by melanoma-exp sweep: one array task per row of {Path.Combine(Path.GetFullPath(dir), SweepPlan.FileName)}.");
        tasks.AppendLine("set -u");
        tasks.AppendLine("case \"${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=...}\" in");
        for (var i = 0; i < plan.Rows.Count; i++)
        {
            var row = plan.Rows[i];
            tasks.AppendLine(CultureInfo.InvariantCulture, $"  {i}) id={Quote(row.Id)}; args=({string.Join(' ', plan.RunArguments(dir, row).Select(Quote))}) ;;");
        }
        tasks.AppendLine("  *) echo \"no plan row $SLURM_ARRAY_TASK_ID\" >&2; exit 2 ;;");
        tasks.AppendLine("esac");
        tasks.AppendLine("export OMP_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\" MKL_NUM_THREADS=\"${SLURM_CPUS_PER_TASK:-1}\"");
        tasks.AppendLine(CultureInfo.InvariantCulture, $"logs={Quote(logs)}");
        tasks.AppendLine("rm -f \"$logs/$id.exit\"");
        tasks.AppendLine("echo \"$$ $(hostname)\" > \"$logs/$id.start\"");
        tasks.AppendLine(CultureInfo.InvariantCulture, $"{string.Join(' ', options.Command.Select(Quote))} \"${{args[@]}}\" >> \"$logs/$id.log\" 2>&1");
        tasks.AppendLine("rc=$?");
        tasks.AppendLine("echo \"$rc $(hostname)\" > \"$logs/$id.exit.tmp\" && mv \"$logs/$id.exit.tmp\" \"$logs/$id.exit\"");
        tasks.AppendLine("exit $rc");
        File.WriteAllText(ArrayPath(dir), tasks.ToString());

        var collect = new StringBuilder();
        collect.AppendLine("#!/bin/bash");
        collect.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --job-name={Quote($"melanoma-exp-{plan.Experiment}-collect")}");
        collect.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --output={Quote(Path.Combine(logs, "collect-%j.out"))}");
        Directives(collect, options, forTasks: false);
        collect.AppendLine("# Written by melanoma-exp sweep: builds the study report once every array task has ended (afterany).");
        collect.AppendLine(CultureInfo.InvariantCulture, $"exec {string.Join(' ', options.Command.Select(Quote))} collect {Quote(Path.GetFullPath(dir))}");
        File.WriteAllText(CollectPath(dir), collect.ToString());
    }

    private static void Directives(StringBuilder script, SlurmOptions o, bool forTasks)
    {
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --{name}={value}");
            }
        }
        Add("partition", o.Partition);
        Add("account", o.Account);
        Add("time", o.Time);
        if (forTasks)
        {
            Add("cpus-per-task", o.CpusPerTask?.ToString(CultureInfo.InvariantCulture));
            Add("mem", o.Memory);
            Add("gres", o.Gres);
            foreach (var extra in o.Extra)
            {
                script.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH {extra}");
            }
        }
    }

    /// <summary>Single-quoted for bash, so paths and YAML values with spaces or brackets pass through unchanged.</summary>
    public static string Quote(string text) => $"'{text.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
