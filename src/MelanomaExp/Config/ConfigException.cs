namespace MelanomaExp.Config;

/// <summary>An experiment file error, located by file, line and key path (for example <c>steps[0].train.epochs</c>).</summary>
public sealed class ConfigException : BadInputException
{
    public ConfigException(string file, int line, string key, string problem)
        : base(line > 0 ? $"{file}:{line}: {key}: {problem}" : $"{file}: {key}: {problem}")
    {
        File = file;
        Line = line;
        Key = key;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public string Key { get; }

    public string Problem { get; }
}
