using System.Text.Json;
using MelanomaExp.Config;
using MelanomaExp.Provenance;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>
/// Work in progress of a run, kept beside the report folder (<c>.&lt;name&gt;.run/</c>) until the report
/// is committed: per step an end-of-epoch checkpoint, or, once the step is finished, its weights and
/// history. <c>run --resume</c> picks it up; it refuses when the experiment or the data changed.
/// </summary>
internal sealed class RunState
{
    private const string StateFile = "run.json";
    private readonly string _dir;

    private RunState(string dir) => _dir = dir;

    /// <summary>Generated images live beside the report, reused across runs, never committed.</summary>
    public static string CacheDirFor(string output)
    {
        var full = Path.GetFullPath(output);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.cache");
    }

    public static string DirFor(string output)
    {
        var full = Path.GetFullPath(output);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.run");
    }

    /// <summary>
    /// A fresh state (any earlier one is discarded), or, with <paramref name="resume"/>, the earlier one after checking
    /// it matches. <paramref name="numerics"/> is the machine's <see cref="NumericsFingerprint"/>: a checkpoint written
    /// with other numerics (another torch thread count, CPU or libtorch) is never continued, since the resumed epochs
    /// would match neither machine's run (the cause of the seed-2 base step that differed between two studies).
    /// </summary>
    public static RunState Open(string output, Experiment experiment, DatasetFingerprint data, string numerics, bool resume)
    {
        var dir = DirFor(output);
        var record = new Record(experiment.Hash, experiment.ResolvedYaml, data.Hash, ToolVersion.Current) { Numerics = numerics };
        if (resume)
        {
            if (WhyNotResumable(output, record) is { } why)
            {
                throw new BadInputException($"--resume: {why}");
            }
            return new RunState(dir);
        }
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, StateFile), JsonSerializer.Serialize(record));
        return new RunState(dir);
    }

    /// <summary>True when an interrupted run of this output folder is there at all (resumable or not, its run.json lost included).</summary>
    public static bool Exists(string output) => Directory.Exists(DirFor(output));

    /// <summary>
    /// Null when an interrupted run of this very experiment, data, tool version and numerics is there to continue;
    /// else why not, in words that end with what to do.
    /// </summary>
    public static string? WhyNotResumable(string output, Experiment experiment, DatasetFingerprint data, string numerics) =>
        WhyNotResumable(output, new Record(experiment.Hash, experiment.ResolvedYaml, data.Hash, ToolVersion.Current) { Numerics = numerics });

    private static string? WhyNotResumable(string output, Record record)
    {
        var file = Path.Combine(DirFor(output), StateFile);
        if (!Directory.Exists(DirFor(output)))
        {
            return $"no interrupted run of {output} to resume (looked for {file})";
        }
        if (!File.Exists(file))
        {
            return $"{file} is missing, so the interrupted run cannot be checked; run without --resume to start over";
        }
        var earlier = ReadRecord(file);
        if (earlier is null)
        {
            return $"{file} is damaged, so the interrupted run cannot be checked; run without --resume to start over";
        }
        if (earlier.ExperimentHash != record.ExperimentHash)
        {
            return $"the experiment changed since the interrupted run (hash {earlier.ExperimentHash} -> {record.ExperimentHash}); {FirstDifference(earlier.ResolvedYaml, record.ResolvedYaml)}. Run without --resume to start over.";
        }
        if (earlier.DataFingerprint != record.DataFingerprint)
        {
            return $"the training data changed since the interrupted run (fingerprint {earlier.DataFingerprint} -> {record.DataFingerprint}). Run without --resume to start over.";
        }
        if (earlier.ToolVersion != record.ToolVersion)
        {
            return $"the interrupted run used melanoma-exp {earlier.ToolVersion}, this is {record.ToolVersion}. Run without --resume to start over.";
        }
        if (earlier.Numerics != record.Numerics)
        {
            return $"the interrupted run was trained with other numerics ({NumericsFingerprint.Describe(earlier.Numerics, record.Numerics!)}), and continuing it would give numbers that match neither; " +
                "run with the same torch threads (OMP_NUM_THREADS) on the same kind of CPU, or without --resume to start over.";
        }
        return WhyDamaged(DirFor(output)) is { } damaged ? $"{damaged}; run without --resume to start over" : null;
    }

    /// <summary>
    /// The first damaged checkpoint or finished step's weights in <paramref name="dir"/>, or null: checked before any
    /// step starts, so --resume refuses at once and --resume-if-interrupted starts over saying why, instead of
    /// training the steps before it and failing on every resubmission.
    /// </summary>
    private static string? WhyDamaged(string dir)
    {
        var state = new RunState(dir);
        foreach (var step in Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal))
        {
            if (Checkpoint.WhyDamaged(state.CheckpointDir(step)) is { } checkpoint)
            {
                return checkpoint;
            }
            if (File.Exists(state.FinishedRecord(step)) && state.WhyFinishedDamaged(step) is { } finished)
            {
                return finished;
            }
        }
        return null;
    }

    /// <summary>Null when a finished step's weights are the ones recorded with it; else which file and why.</summary>
    private string? WhyFinishedDamaged(string step)
    {
        FinishedStep? record;
        try
        {
            record = JsonSerializer.Deserialize<FinishedStep>(File.ReadAllText(FinishedRecord(step)));
        }
        catch (JsonException e)
        {
            return $"{FinishedRecord(step)}: the finished step's record is damaged ({e.Message})";
        }
        var weights = FinishedWeights(step);
        return record?.WeightsSha256 is { } sha && File.Exists(weights) && FileSha256.Of(weights) == sha
            ? null
            : $"{weights}: the finished step's weights are damaged (their sha256 is not the one recorded when the step finished)";
    }

    public string CheckpointDir(string step) => Path.Combine(_dir, step, "checkpoint");

    public string FinishedWeights(string step) => Path.Combine(_dir, step, "final.pt");

    private string FinishedRecord(string step) => Path.Combine(_dir, step, "final.json");

    /// <summary>The history and time of a step finished before an interruption, or null.</summary>
    public FinishedStep? Finished(string step)
    {
        if (!File.Exists(FinishedRecord(step)) || !File.Exists(FinishedWeights(step)))
        {
            return null;
        }
        if (WhyFinishedDamaged(step) is { } why)
        {
            throw new BadInputException($"--resume: {why}; run without --resume to start over");
        }
        return JsonSerializer.Deserialize<FinishedStep>(File.ReadAllText(FinishedRecord(step)))!;
    }

    /// <summary>Records a finished step (its weights are already at <see cref="FinishedWeights"/>, their sha256 goes in the record) and drops its checkpoint.</summary>
    public void MarkFinished(string step, FinishedStep finished)
    {
        var temp = FinishedRecord(step) + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(finished with { WeightsSha256 = FileSha256.Of(FinishedWeights(step)) }));
        File.Move(temp, FinishedRecord(step), overwrite: true);
        if (Directory.Exists(CheckpointDir(step)))
        {
            Directory.Delete(CheckpointDir(step), recursive: true);
        }
    }

    /// <summary>What an interrupted run leaves to <c>--resume</c>, in words: finished steps and the last checkpointed epoch of the others.</summary>
    public string Kept()
    {
        var kept = new List<string>();
        foreach (var step in (Directory.Exists(_dir) ? Directory.GetDirectories(_dir) : []).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(step);
            var history = Path.Combine(CheckpointDir(name), "history.json");
            if (File.Exists(FinishedRecord(name)))
            {
                kept.Add($"{name} finished");
            }
            else if (File.Exists(history))
            {
                using var epochs = JsonDocument.Parse(File.ReadAllText(history));
                kept.Add($"{name} checkpointed after epoch {epochs.RootElement.GetArrayLength()}");
            }
        }
        return kept.Count == 0
            ? "interrupted before any epoch was completed: there is nothing to resume (an existing report is untouched)"
            : $"interrupted: {string.Join(", ", kept)} (in {_dir}); no report was written (an existing report is untouched); run again with --resume to continue";
    }

    /// <summary>
    /// Where the finished steps' models are saved for the report (under <c>models/&lt;step&gt;</c>, as in the report
    /// folder) until the result sink takes them; a dot name, so it can never be a step's folder.
    /// </summary>
    public string ReportModels => Path.Combine(_dir, ".report");

    /// <summary>Called once the report is in place: nothing is left to resume.</summary>
    public void Delete()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string FirstDifference(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i].Trim() : "(nothing)";
            var y = i < b.Length ? b[i].Trim() : "(nothing)";
            if (x != y)
            {
                return $"first change in the resolved experiment: '{x}' -> '{y}'";
            }
        }
        return "the resolved experiments differ";
    }

    private static Record? ReadRecord(string file)
    {
        try
        {
            var record = JsonSerializer.Deserialize<Record>(File.ReadAllText(file));
            return record is { ExperimentHash: not null, DataFingerprint: not null, ToolVersion: not null, ResolvedYaml: not null } ? record : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Record(string ExperimentHash, string ResolvedYaml, string DataFingerprint, string ToolVersion)
    {
        /// <summary>The numerics the checkpoints were trained with; null in a state written before it was recorded.</summary>
        public string? Numerics { get; init; }
    }
}

/// <summary>A step that finished before an interruption.</summary>
internal sealed record FinishedStep(List<EpochRecord> History, double Seconds, DateTimeOffset Started, DateTimeOffset Finished)
{
    /// <summary>Of the step's weights file in the run state, checked before they are reused; null outside the run state.</summary>
    public string? WeightsSha256 { get; init; }
}
