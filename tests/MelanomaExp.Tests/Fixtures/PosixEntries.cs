using System.Diagnostics;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>File-system entries that only POSIX systems can make: FIFOs and file names that are not valid UTF-8.</summary>
public static class PosixEntries
{
    /// <summary>Skips the test visibly where FIFOs and raw-byte file names cannot be made.</summary>
    public static void Require() => Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs mkfifo and POSIX file names");

    public static void Fifo(string path) => Shell("mkfifo", path);

    /// <summary>
    /// Creates <paramref name="dir"/>/bad&lt;0xFF&gt;.jpg, a name .NET cannot spell (it reads the byte as U+FFFD),
    /// holding <paramref name="bytes"/>; disposing removes it, which <see cref="TempDir"/> cannot (it cannot name it).
    /// </summary>
    public static IDisposable NonUtf8File(string dir, byte[] bytes)
    {
        var staged = Path.Combine(dir, "staged-non-utf8");
        File.WriteAllBytes(staged, bytes);
        // A .NET string is written out as UTF-8, so only the shell can put the raw byte 0xFF in a name.
        Shell("sh", "-c", "mv \"$0\" \"$(dirname \"$0\")/$(printf 'bad\\377.jpg')\"", staged);
        return new Removal(dir);
    }

    private sealed class Removal(string dir) : IDisposable
    {
        public void Dispose() => Shell("sh", "-c", "rm -f \"$0\"/\"$(printf 'bad\\377.jpg')\"", dir);
    }

    private static void Shell(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}");
        }
    }
}
