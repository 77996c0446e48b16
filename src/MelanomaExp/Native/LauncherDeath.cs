using System.Runtime.InteropServices;

namespace MelanomaExp.Native;

/// <summary>
/// <c>dotnet melanoma-exp</c> runs the tool in a child of the SDK's launcher process. Killed with -9, the
/// launcher dies alone and training went on in the orphaned child, which then wrote its report. Asking the
/// kernel for SIGTERM when that launcher dies (prctl PR_SET_PDEATHSIG) makes the child stop at the next
/// batch as if it had been sent SIGTERM itself. Only under that launcher or a sweep: a run started from a
/// shell under nohup must outlive the shell.
/// </summary>
public static partial class LauncherDeath
{
    private const int PrSetPdeathsig = 1;
    private const int Sigterm = 15;

    /// <summary>Set by <c>sweep</c>'s local backend for the runs it starts, so they stop when the sweep is killed.</summary>
    public const string WatchVariable = "MELANOMA_EXP_STOP_WITH_PARENT";

    /// <summary>What was arranged, in words (for <c>--verbose</c> diagnostics and tests).</summary>
    public static string Arrange()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not on Linux: the launcher's death is not watched";
        }
        var parent = getppid();
        if (Environment.GetEnvironmentVariable(WatchVariable) != "1" && !IsToolLauncher(parent))
        {
            return "parent is not the dotnet tool launcher: not watched";
        }
        if (prctl(PrSetPdeathsig, Sigterm, 0, 0, 0) != 0)
        {
            return "prctl(PR_SET_PDEATHSIG) refused: not watched";
        }
        // The launcher may have died before prctl took effect; then the child was re-parented already.
        if (getppid() != parent)
        {
            _ = kill(Environment.ProcessId, Sigterm);
        }
        return $"stops with its launcher (PID {parent})";
    }

    /// <summary>True when <paramref name="pid"/> is the SDK's <c>dotnet</c> process running this tool by its command name.</summary>
    public static bool IsToolLauncher(int pid)
    {
        try
        {
            var args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
            return args.Length >= 2 && Path.GetFileName(args[0]) == "dotnet" && args.Skip(1).Any(a => a == "melanoma-exp");
        }
        catch (IOException)
        {
            return false;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int prctl(int option, nint arg2, nint arg3, nint arg4, nint arg5);

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc")]
    private static partial int kill(int pid, int signal);
}
