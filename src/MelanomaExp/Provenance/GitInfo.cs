using System.Diagnostics;

namespace MelanomaExp.Provenance;

/// <summary>The commit of the repository holding the experiment file, and whether its work tree has changes.</summary>
public sealed record GitInfo(string Commit, bool Dirty)
{
    public static readonly GitInfo Unknown = new("unknown", false);

    /// <summary>Asks git once; no git, or no repository, gives <see cref="Unknown"/>.</summary>
    public static GitInfo Of(string directory)
    {
        var commit = Git(directory, "rev-parse HEAD");
        if (commit is null)
        {
            return Unknown;
        }
        var status = Git(directory, "status --porcelain --untracked-files=no");
        return new GitInfo(commit, !string.IsNullOrWhiteSpace(status));
    }

    private static string? Git(string directory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
