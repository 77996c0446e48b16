using System.Diagnostics;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// An empty folder nothing can be written into, made as the running user can: <c>chattr +i</c> as root (for whom
/// permissions do not stop writes), mode 555 otherwise. Skips the test visibly when neither takes effect here.
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool _immutable;

    public ReadOnlyFolder(string path)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs chattr or POSIX permissions");
        Path = path;
        Directory.CreateDirectory(path);
        if (Environment.UserName == "root")
        {
            _immutable = Run("chattr", "+i", path);
        }
        else if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var probe = System.IO.Path.Combine(path, "probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            Dispose();
            Skip.If(true, "could not make a read-only folder here (chattr +i needs CAP_LINUX_IMMUTABLE as root)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only, as wanted.
        }
    }

    public string Path { get; }

    public void Dispose()
    {
        if (_immutable)
        {
            Run("chattr", "-i", Path);
        }
        else if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool Run(string program, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true });
            process!.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
