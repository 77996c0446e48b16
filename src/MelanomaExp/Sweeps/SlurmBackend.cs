using System.Globalization;
using System.Text.Json;

namespace MelanomaExp.Sweeps;

/// <summary>Submits the array job for the rows still to do and the collect job chained after it (<c>--dependency=afterany</c>).</summary>
public static class SlurmBackend
{
    public const string JobsFile = "jobs.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

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
