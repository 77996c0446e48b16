namespace MelanomaExp.Config;

/// <summary>
/// An experiment file error, located by file, line and key path (for example <c>steps[0].train.epochs</c>).
/// When a file has several problems, one exception carries them all (<see cref="Problems"/>), one per line
/// of the message; <see cref="File"/>, <see cref="Line"/>, <see cref="Key"/> and <see cref="Problem"/> are the first's.
/// </summary>
internal sealed class ConfigException : BadInputException
{
    /// <summary>Problems beyond this length are cut: a pasted blob should not flood the terminal.</summary>
    private const int MaxProblemLength = 300;

    public ConfigException(string file, int line, string key, string problem)
        : base(Format(file, line, key, problem))
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
        Problems = [this];
    }

    internal ConfigException(IReadOnlyList<ConfigException> problems, int limit)
        : base(Combine(problems, limit))
    {
        File = problems[0].File;
        Line = problems[0].Line;
        Key = problems[0].Key;
        Problem = problems[0].Problem;
        Problems = problems;
    }

    public string File { get; }

    public int Line { get; }

    public string Key { get; }

    public string Problem { get; }

    public IReadOnlyList<ConfigException> Problems { get; }

    /// <summary>A value quoted in a message, cut to a readable length.</summary>
    public static string Shown(string value, int max = 60) =>
        value.Length <= max ? value : $"{value[..max]}... ({value.Length} characters)";

    private static string Format(string file, int line, string key, string problem)
    {
        problem = problem.Length <= MaxProblemLength ? problem : $"{problem[..MaxProblemLength]}... (cut)";
        key = Shown(key, 120);
        return line > 0 ? $"{file}:{line}: {key}: {problem}" : $"{file}: {key}: {problem}";
    }

    private static string Combine(IReadOnlyList<ConfigException> problems, int limit)
    {
        var lines = problems.Take(limit).Select(p => p.Message).ToList();
        if (problems.Count > limit)
        {
            lines.Add($"... and {problems.Count - limit} more problem(s)");
        }
        return string.Join(Environment.NewLine, lines);
    }
}
