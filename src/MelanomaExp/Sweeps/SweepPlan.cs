using System.Text.Json;
using System.Text.Json.Serialization;

namespace MelanomaExp.Sweeps;

/// <summary>
/// Everything needed to run or resubmit a sweep, written to <c>DIR/plan.json</c>: the experiment file,
/// the common <c>--set</c> overrides, the data root, and one row per run.
/// </summary>
public sealed record SweepPlan(string Experiment, string ExperimentFile, IReadOnlyList<string> Sets, string? DataRoot, IReadOnlyList<SweepRow> Rows)
{
    public const string FileName = "plan.json";

    /// <summary>
    /// The study's primary figure as declared in <c>sweep.primary</c> when it was planned (null: none), kept in the plan so
    /// the report leads with what was declared before the runs, not with what is chosen after seeing them.
    /// </summary>
    public string? Primary { get; init; }
    public const string RunsFolder = "runs";
    public const string LogsFolder = "logs";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string RunDir(string dir, string id) => Path.Combine(Path.GetFullPath(dir), RunsFolder, id);

    public static string LogFile(string dir, string id) => Path.Combine(Path.GetFullPath(dir), LogsFolder, $"{id}.log");

    /// <summary>Written when a run's process ends: its exit code and the host it ran on.</summary>
    public static string ExitFile(string dir, string id) => Path.Combine(Path.GetFullPath(dir), LogsFolder, $"{id}.exit");

    /// <summary>Written when a run's process starts: its process id and host, so status can tell running from interrupted.</summary>
    public static string StartFile(string dir, string id) => Path.Combine(Path.GetFullPath(dir), LogsFolder, $"{id}.start");

    /// <summary>The <c>melanoma-exp</c> arguments that run <paramref name="row"/> into its folder; <c>--resume-if-interrupted</c> makes a requeued task continue from its checkpoint.</summary>
    public IReadOnlyList<string> RunArguments(string dir, SweepRow row)
    {
        var args = new List<string> { "run", ExperimentFile };
        foreach (var set in Sets.Concat(row.Grid).Append($"seed={row.Seed}"))
        {
            args.Add("--set");
            args.Add(set);
        }
        if (DataRoot is not null)
        {
            args.AddRange(["--data-root", DataRoot]);
        }
        // Compact: the study draws the charts across runs, so each run keeps its figures and data files only.
        args.AddRange(["--output", RunDir(dir, row.Id), "--resume-if-interrupted", "--compact"]);
        return args;
    }

    public void Write(string dir)
    {
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this, Json) + "\n");
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public static SweepPlan Read(string dir)
    {
        var path = Path.Combine(dir, FileName);
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: missing; {dir} is not a sweep folder (write one with melanoma-exp sweep FILE --output {dir})");
        }
        try
        {
            return JsonSerializer.Deserialize<SweepPlan>(File.ReadAllText(path), Json) ?? throw new BadInputException($"{path}: empty plan");
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not a sweep plan: {e.Message}", e);
        }
    }
}
