using MelanomaExp.Acquisition;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MelanomaExp.Config;

namespace MelanomaExp.Sweeps;

/// <summary>Expands a sweep into its runs (every grid point with every seed), each checked like <c>run --set</c> would check it.</summary>
public static partial class SweepPlanner
{
    public static SweepPlan Plan(string file, IReadOnlyList<string> sets, string? seeds, IReadOnlyList<string> grid, string? dataRoot)
    {
        var experiment = ExperimentLoader.Load(file, sets);
        if (experiment.Seeds.Count > 0)
        {
            throw new BadInputException($"{file}: seeds: runs the file as a seed study of its own; for a sweep list them under sweep.seeds (or pass --seeds)");
        }
        var spec = SweepSpecReader.Read(file, seeds, grid, experiment.Seed);
        CheckAxes(file, sets, grid, spec.Grid, experiment);
        // Resolved here, once, so tasks on other nodes or in other folders read the same data.
        var root = Path.GetFullPath(DataRoot.Resolve(dataRoot, experiment.Data.Root));
        var rows = new List<SweepRow>();
        foreach (var point in Points(spec.Grid))
        {
            var pointId = PointId(point);
            foreach (var seed in spec.Seeds)
            {
                var run = ExperimentLoader.Load(file, [.. sets, .. point, $"seed={seed}"]);
                rows.Add(new SweepRow($"{pointId}-seed{seed}", pointId, point, seed, run.Hash, SweepCost.CpuHours(run, root)));
            }
        }
        return new SweepPlan(experiment.Name, Path.GetFullPath(file), sets, root, rows) { Primary = spec.Primary };
    }

    /// <summary>
    /// Each axis value alone, as the runs would apply it: a bad one is blamed on the --grid argument (or the file's
    /// sweep.grid) that gave it, not on a --set that was never given, and an unknown key gets the nearest key path.
    /// </summary>
    private static void CheckAxes(string file, IReadOnlyList<string> sets, IReadOnlyList<string> gridOptions, IReadOnlyList<GridAxis> axes, Experiment experiment)
    {
        foreach (var axis in axes)
        {
            var origin = gridOptions.FirstOrDefault(g => GridValues.Parse(g).Key == axis.Key) is { } option ? $"--grid {option}" : $"{file}: sweep.grid.{axis.Key}";
            foreach (var value in axis.Values)
            {
                var assignment = $"{axis.Key}={value}";
                try
                {
                    ExperimentLoader.Load(file, [.. sets, assignment]);
                }
                catch (ConfigException e) when (e.File == $"{Overrides.Source} {ConfigException.Shown(assignment)}")
                {
                    var problem = e.Problem.StartsWith("unknown key", StringComparison.Ordinal) && !e.Problem.Contains("did you mean", StringComparison.Ordinal)
                        && KeySuggestion.ForPath(axis.Key, experiment.Steps.Select(s => s.Name)) is { } nearest
                        ? $"unknown key; did you mean '{nearest}'?"
                        : e.Problem;
                    throw new ConfigException(ConfigException.Shown(origin, 120), 0, e.Key, problem);
                }
            }
        }
    }

    /// <summary>Every combination of the axes' values, in the order given (the first axis varies slowest).</summary>
    private static List<List<string>> Points(IReadOnlyList<GridAxis> grid)
    {
        var points = new List<List<string>> { new() };
        foreach (var axis in grid)
        {
            points = points.SelectMany(p => axis.Values.Select(v => (List<string>)[.. p, $"{axis.Key}={v}"])).ToList();
        }
        return points;
    }

    /// <summary>The id of the one grid point of a sweep without a grid.</summary>
    public const string DefaultPoint = "default";

    /// <summary>Readable (last key segment and value) and unique (a hash of the overrides, in key order so the axis order does not matter).</summary>
    public static string PointId(IReadOnlyList<string> point)
    {
        if (point.Count == 0)
        {
            return DefaultPoint;
        }
        var sorted = string.Join('\n', point.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sorted)))[..6];
        var readable = string.Join('_', point.Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            return $"{p[..eq].Split('.')[^1]}-{p[(eq + 1)..]}";
        }));
        readable = Unsafe().Replace(readable, "");
        return string.Create(CultureInfo.InvariantCulture, $"{(readable.Length > 40 ? readable[..40] : readable)}-{hash}");
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();
}
