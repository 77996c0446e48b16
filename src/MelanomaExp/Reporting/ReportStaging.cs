using MelanomaExp.Results;
using MelanomaExp.Safety;

namespace MelanomaExp.Reporting;

/// <summary>
/// A report is written into a hidden sibling folder and swapped into place only when complete, so a
/// failed or interrupted run never leaves a half-written report where a good one was. It only takes a
/// folder that <see cref="OutputFolder.Claim"/> accepted, and marks what it commits as the tool's.
/// </summary>
internal sealed class ReportStaging : IDisposable
{
    private readonly OutputFolder _target;
    private bool _committed;

    private ReportStaging(OutputFolder target, string path)
    {
        _target = target;
        Path = path;
    }

    /// <summary>The folder to write into.</summary>
    public string Path { get; }

    public static ReportStaging Begin(OutputFolder target)
    {
        var full = target.Path;
        var parent = System.IO.Path.GetDirectoryName(full) ?? throw new BadInputException($"{target.Label}: not a usable output folder");
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, System.IO.Path.GetFileName(full));
        var staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}.staging-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        return new ReportStaging(target, staging);
    }

    /// <summary>Replaces the target folder with the staged one (the old one is removed only after the move).</summary>
    public void Commit()
    {
        ReportChecksums.Write(Path, OutputMarker.FileName);
        OutputMarker.WriteListing(Path, _target.Kind);
        // After the checksums and the listing, so a person's files stay unlisted (theirs) and are kept again by the next rerun; copied, not
        // moved, so the old folder still holds them until the swap is done.
        foreach (var file in _target.Kept)
        {
            var to = System.IO.Path.Combine(Path, file);
            if (File.Exists(to))
            {
                // The person's file wins over a new file of the tool's with the same name.
                File.Delete(to);
                OutputMarker.Remove(Path, file);
            }
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(to)!);
            var from = System.IO.Path.Combine(_target.Path, file);
            // A zero-length entry may be a FIFO, which a copy would wait on forever: an empty file is the same text.
            if (new FileInfo(from).Length == 0)
            {
                File.WriteAllBytes(to, []);
            }
            else
            {
                File.Copy(from, to);
            }
        }
        var old = $"{Path}.old";
        if (Directory.Exists(_target.Path))
        {
            Directory.Move(_target.Path, old);
        }
        Directory.Move(Path, _target.Path);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
        _committed = true;
    }

    /// <summary>A killed run cannot clean up after itself; its staging folder is removed once its process is gone.</summary>
    private static void RemoveAbandoned(string parent, string name)
    {
        foreach (var dir in Directory.GetDirectories(parent, $".{name}.staging-*"))
        {
            var suffix = System.IO.Path.GetFileName(dir)[$".{name}.staging-".Length..].Split('.')[0];
            if (int.TryParse(suffix, out var pid) && pid != Environment.ProcessId && !IsRunning(pid))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
