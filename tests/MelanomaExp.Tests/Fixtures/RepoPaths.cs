namespace MelanomaExp.Tests.Fixtures;

/// <summary>Locates the repository (for shipped experiments and golden files) and the real data, when present.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Experiment(string name) => Path.Combine(Root, "experiments", name);

    /// <summary>The ISIC Train folder's parent, from MELANOMA_EXP_DATA or ../shared beside the clone; null when absent.</summary>
    public static string? RealData()
    {
        var configured = Environment.GetEnvironmentVariable("MELANOMA_EXP_DATA");
        var candidates = new[] { configured, Path.Combine(Root, "..", "shared", "data", "isic-9class-180") };
        return candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && Directory.Exists(Path.Combine(c, "Train")));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "melanoma-exp.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("melanoma-exp.sln not found above the test binaries");
    }
}
