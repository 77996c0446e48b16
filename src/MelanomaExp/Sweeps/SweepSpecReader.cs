using System.Globalization;
using MelanomaExp.Config;
using MelanomaExp.Results;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Sweeps;

/// <summary>
/// The <c>sweep: { seeds: [...], grid: { key.path: [v1, v2] } }</c> section of an experiment file,
/// with command-line <c>--seeds</c> replacing its seeds and each <c>--grid</c> replacing the axis of the same key.
/// </summary>
internal static class SweepSpecReader
{
    public static SweepSpec Read(string file, string? seedsOption, IReadOnlyList<string> gridOptions, int experimentSeed)
    {
        var (seeds, grid, primary) = FromFile(file);
        if (seedsOption is not null)
        {
            seeds = ParseSeeds(seedsOption, experimentSeed);
        }
        foreach (var axis in gridOptions.Select(GridValues.Parse))
        {
            grid.RemoveAll(a => a.Key == axis.Key);
            grid.Add(axis);
        }
        return new SweepSpec(seeds ?? [experimentSeed], grid) { Primary = primary };
    }

    /// <summary>
    /// <c>--seeds 1,2,3</c> lists the seeds (<c>--seeds 7,</c> is the list of the one seed 7); <c>--seeds N</c> takes N
    /// seeds from the experiment's own. A count above <see cref="MaxCount"/> is refused: <c>--seeds 123</c> for seed 123
    /// would otherwise plan 123 runs.
    /// </summary>
    public static List<int> ParseSeeds(string text, int experimentSeed)
    {
        var list = text.Contains(',', StringComparison.Ordinal);
        var parts = text.Split(',', StringSplitOptions.TrimEntries | (list ? StringSplitOptions.RemoveEmptyEntries : StringSplitOptions.None));
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
        if (numbers.Count == 0 || numbers.Contains(-1) || numbers.Distinct().Count() != numbers.Count)
        {
            throw new BadInputException($"--seeds {text}: expected N (a count) or a list of different whole numbers such as 1,2,3");
        }
        if (list)
        {
            return numbers;
        }
        return numbers[0] switch
        {
            < 1 => throw new BadInputException($"--seeds {text}: needs at least 1 seed"),
            > MaxCount => throw new BadInputException($"--seeds {text}: a count of {numbers[0]} runs (seeds {experimentSeed} to {experimentSeed + numbers[0] - 1}); at most {MaxCount}. For the one seed {numbers[0]}, write it as a list: --seeds {numbers[0]},"),
            _ => Enumerable.Range(experimentSeed, numbers[0]).ToList(),
        };
    }

    /// <summary>The largest count <c>--seeds N</c> takes; more runs are written as a list.</summary>
    public const int MaxCount = 100;

    private static (List<int>? Seeds, List<GridAxis> Grid, string? Primary) FromFile(string file)
    {
        var stream = Config.YamlText.Load(File.ReadAllText(file), file);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("sweep"), out var node) || node is not YamlMappingNode sweep)
        {
            return (null, [], null);
        }
        List<int>? seeds = null;
        var grid = new List<GridAxis>();
        string? primary = null;
        foreach (var (key, value) in sweep.Children)
        {
            switch ((key as YamlScalarNode)?.Value)
            {
                case "seeds":
                    seeds = value is YamlSequenceNode list ? list.Children.Select(n => Seed(file, n)).ToList() : throw Error(file, value, "sweep.seeds", "expected a list of whole numbers, e.g. [1, 2, 3]");
                    if (seeds.Count == 0 || seeds.Distinct().Count() != seeds.Count)
                    {
                        throw Error(file, value, "sweep.seeds", "expected at least one seed, each listed once");
                    }
                    break;
                case "grid":
                    var axes = value as YamlMappingNode ?? throw Error(file, value, "sweep.grid", "expected a mapping of key.path: [values]");
                    grid.AddRange(axes.Children.Select(a => Axis(file, a.Key, a.Value)));
                    break;
                case "primary":
                    primary = Primary(file, value);
                    break;
                default:
                    throw Error(file, key, $"sweep.{key}", "unknown key (this section takes: grid, primary, seeds)");
            }
        }
        return (seeds, grid, primary);
    }

    private static GridAxis Axis(string file, YamlNode key, YamlNode value)
    {
        var path = (key as YamlScalarNode)?.Value ?? throw Error(file, key, "sweep.grid", "keys are key paths such as steps.base.train.learning_rate");
        var values = value is YamlSequenceNode list && list.Children.Count > 0
            ? list.Children.Select(YamlText).ToList()
            : throw Error(file, value, $"sweep.grid.{path}", "expected a non-empty list of values");
        return values.Distinct(StringComparer.Ordinal).Count() == values.Count ? new GridAxis(path, values) : throw Error(file, value, $"sweep.grid.{path}", "a value is listed twice");
    }

    /// <summary>A value written back in <c>--set</c> syntax (flow YAML), so file and command line give the same run ids.</summary>
    private static string YamlText(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => $"[{string.Join(",", seq.Children.Select(YamlText))}]",
        YamlMappingNode map => $"{{{string.Join(",", map.Children.Select(c => $"{YamlText(c.Key)}: {YamlText(c.Value)}"))}}}",
        _ => node.ToString(),
    };

    private static int Seed(string file, YamlNode node) =>
        node is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw Error(file, node, "sweep.seeds", $"'{node}' is not a whole number");

    /// <summary>One of the figures a study collects, by its metrics name (test_positive_auc), so the report can lead with it.</summary>
    private static string Primary(string file, YamlNode node)
    {
        var names = ReportMetric.Studied.Select(m => m.Name).ToList();
        return node is YamlScalarNode { Value: { } name } && names.Contains(name)
            ? name
            : throw Error(file, node, "sweep.primary", $"'{node}' is not a figure a study collects (one of: {string.Join(", ", names)})");
    }

    private static ConfigException Error(string file, YamlNode node, string key, string problem) => new(file, (int)node.Start.Line, key, problem);
}
