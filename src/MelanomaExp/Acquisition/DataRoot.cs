namespace MelanomaExp.Acquisition;

/// <summary>
/// Where the images are: a command-line value, else <c>MELANOMA_EXP_DATA</c>, else the experiment's or report's
/// own root when that folder exists, else the folder <c>data get</c> fills by default when that exists, else the
/// experiment's own root again (so the "not found" message names what the file says).
/// </summary>
public static class DataRoot
{
    public const string Variable = "MELANOMA_EXP_DATA";

    public static string Resolve(string? commandLine, string fallback) =>
        Resolve(commandLine, fallback, DownloadedData.DefaultFolder());

    /// <summary>The same, with the downloaded data's folder given (tests).</summary>
    public static string Resolve(string? commandLine, string fallback, string downloaded) =>
        commandLine ?? FromEnvironment() ?? (!Directory.Exists(fallback) && Directory.Exists(downloaded) ? downloaded : fallback);

    public static string? FromEnvironment() => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } env ? env : null;
}
