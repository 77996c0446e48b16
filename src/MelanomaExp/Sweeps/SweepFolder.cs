using MelanomaExp.Safety;

namespace MelanomaExp.Sweeps;

/// <summary>
/// The sweep folder under the output-folder rules: it may be written only if it is new, empty or a sweep
/// this tool wrote (its marker). Its sub-folders (runs,
/// logs, job scripts) carry their own marker, since runs and Slurm tasks add files to them one by one;
/// each run folder inside runs/ is claimed again by its own <c>melanoma-exp run</c>.
/// </summary>
internal static class SweepFolder
{
    private const string Kind = "sweep";

    /// <summary>Claims <paramref name="dir"/> for <paramref name="plan"/> (nothing is written if it is refused) and marks it.</summary>
    public static OutputFolder Claim(string dir, SweepPlan plan)
    {
        var rules = new OutputRules().Experiment(plan.ExperimentFile);
        if (plan.DataRoot is { } data)
        {
            rules.Data(data);
        }
        // Sub-folders a killed sweep created but did not mark yet are its own: list them before the check.
        if (Directory.Exists(dir) && (OutputMarker.Read(dir) is { Kind: Kind }))
        {
            MarkTree(dir);
        }
        var folder = OutputFolder.Claim(dir, Kind, rules);
        folder.CreateAndMark();
        return folder;
    }

    /// <summary>After the backend ran or the study report was written: what they wrote is listed in the sweep folder's markers.</summary>
    public static void Remark(string dir)
    {
        if (OutputMarker.Read(dir) is { Kind: Kind })
        {
            MarkTree(dir);
        }
    }

    private static void MarkTree(string dir)
    {
        var top = new[] { SweepPlan.FileName, "README.md", "study.json" }
            .Concat(Directory.GetFiles(dir, "study-*.png").Select(Path.GetFileName).OfType<string>())
            .Where(f => File.Exists(Path.Combine(dir, f)))
            .ToArray();
        OutputMarker.Add(dir, Kind, top);
        foreach (var sub in new[] { SweepPlan.RunsFolder, SweepPlan.LogsFolder, SlurmScripts.Folder })
        {
            var path = Path.Combine(dir, sub);
            if (Directory.Exists(path) && OutputMarker.Read(path) is null)
            {
                OutputMarker.Add(path, Kind);
            }
        }
    }
}
