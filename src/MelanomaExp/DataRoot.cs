namespace MelanomaExp;

/// <summary>Where the images are: a command-line value, else <c>MELANOMA_EXP_DATA</c>, else the experiment's or report's own.</summary>
public static class DataRoot
{
    public const string Variable = "MELANOMA_EXP_DATA";

    public static string Resolve(string? commandLine, string fallback) => commandLine ?? FromEnvironment() ?? fallback;

    public static string? FromEnvironment() => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env ? env : null;
}
