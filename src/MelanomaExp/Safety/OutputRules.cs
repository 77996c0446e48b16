namespace MelanomaExp.Safety;

/// <summary>A path the output must keep clear of: never replaced, and when <see cref="NoWritingInside"/>, never written into.</summary>
public sealed record ProtectedPath(string Path, string Role, bool NoWritingInside);

/// <summary>
/// What one command reads (data, experiment file, model, reports), so that its output folder can be refused
/// when replacing it would delete them or writing it would change them.
/// </summary>
public sealed class OutputRules
{
    private readonly List<ProtectedPath> _paths = [];

    public IReadOnlyList<ProtectedPath> Paths => _paths;

    /// <summary>An input the output may neither replace nor be written into (data, a model, a report being read).</summary>
    public OutputRules Input(string? path, string role)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            _paths.Add(new ProtectedPath(path, role, NoWritingInside: true));
        }
        return this;
    }

    /// <summary>A data folder: output inside it would become training images on the next run.</summary>
    public OutputRules Data(string? path) => Input(path, "the data folder");

    /// <summary>A file or folder the output may hold nothing above (writing next to it is fine).</summary>
    public OutputRules Keep(string? path, string role)
    {
        if (!string.IsNullOrWhiteSpace(path))
        {
            _paths.Add(new ProtectedPath(path, role, NoWritingInside: false));
        }
        return this;
    }

    /// <summary>The experiment file and the repository it lives in.</summary>
    public OutputRules Experiment(string? sourcePath)
    {
        if (string.IsNullOrWhiteSpace(sourcePath) || !File.Exists(sourcePath))
        {
            return this;
        }
        Keep(sourcePath, "the experiment file");
        return Keep(RepositoryRoot(Path.GetDirectoryName(Path.GetFullPath(sourcePath))!), "the repository root");
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c>, or null.</summary>
    public static string? RepositoryRoot(string start)
    {
        for (var dir = Path.GetFullPath(start); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var git = Path.Combine(dir, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir;
            }
        }
        return null;
    }
}
