namespace MelanomaExp.Sweeps;

/// <summary>What squeue says about a sweep's array tasks, by run id; empty when squeue is not here.</summary>
internal static class SlurmJobStates
{
    /// <summary>Slurm's word for a task in <see cref="RunStatus"/> terms.</summary>
    public static QueueState Map(string state) => state switch
    {
        "RUNNING" or "COMPLETING" => new(RunStatus.Running, $"slurm {state}"),
        "PENDING" => new(RunStatus.Pending, $"slurm {state}") { Waiting = true },
        // Preempted, requeued, suspended...: Slurm's word is the most precise one.
        _ => new(RunStatus.Pending, $"slurm {state}"),
    };

    public static Dictionary<string, string> States(string dir, SweepPlan plan)
    {
        var states = new Dictionary<string, string>();
        var submissions = SlurmBackend.Submissions(dir);
        if (submissions.Count == 0 || !Tool.Exists("squeue"))
        {
            return states;
        }
        // -r lists pending array tasks one per line ("123_4 PENDING") instead of "123_[4-7]". No -j: squeue fails
        // outright when one of several ids has left the queue, so this sweep's jobs are picked out here.
        var (code, output, _) = Tool.Run("squeue", "-h", "-r", "-o", "%i %T");
        if (code != 0)
        {
            return states;
        }
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(' ', 2))
            .Where(p => p.Length == 2 && p[0].Contains('_', StringComparison.Ordinal))
            .Select(p => (Job: p[0].Split('_')[0], Task: p[0].Split('_')[1], State: p[1]))
            .ToList();
        foreach (var submission in submissions)
        {
            foreach (var line in lines.Where(l => l.Job == submission.ArrayJob))
            {
                if (int.TryParse(line.Task, out var task) && task >= 0 && task < plan.Rows.Count)
                {
                    states[plan.Rows[task].Id] = line.State;
                }
            }
        }
        return states;
    }
}
