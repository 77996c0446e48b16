using System.Diagnostics;
using MelanomaExp.Native;

namespace MelanomaExp.Tests.Native;

public class LauncherDeathTests
{
    [SkippableFact]
    public void Only_the_dotnet_process_running_the_tool_by_name_counts_as_its_launcher()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads /proc");
        // A process whose command line is "dotnet melanoma-exp ..." is the SDK's tool launcher; a shell is not,
        // and neither is this test host (a run started from a shell under nohup must outlive the shell).
        var bin = Path.Combine(Path.GetTempPath(), $"launcher-{Guid.NewGuid():N}");
        Directory.CreateDirectory(bin);
        var fake = Path.Combine(bin, "dotnet");
        // A shell under the name "dotnet", its $0 "melanoma-exp": the command line the SDK launcher has.
        File.CreateSymbolicLink(fake, "/bin/bash");
        using var launcher = Process.Start(new ProcessStartInfo(fake, ["-c", "sleep 30; true", "melanoma-exp"]))!;
        using var shell = Process.Start(new ProcessStartInfo("/bin/bash", ["-c", "sleep 30; true", "melanoma-exp"]))!;
        try
        {
            Thread.Sleep(200);
            Assert.True(LauncherDeath.IsToolLauncher(launcher.Id));
            Assert.False(LauncherDeath.IsToolLauncher(shell.Id));
            Assert.False(LauncherDeath.IsToolLauncher(Environment.ProcessId));
        }
        finally
        {
            launcher.Kill(entireProcessTree: true);
            shell.Kill(entireProcessTree: true);
            Directory.Delete(bin, recursive: true);
        }
    }
}
