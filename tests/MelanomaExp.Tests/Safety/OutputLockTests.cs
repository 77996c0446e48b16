using System.Diagnostics;
using MelanomaExp.Safety;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Safety;

public class OutputLockTests
{
    [Fact]
    public void A_second_writer_is_refused_naming_the_holder_and_the_lock_dies_with_its_process()
    {
        using var dir = new TempDir();
        var folder = OutputFolder.Claim(dir.Combine("report"), "run");
        // Another process holds the lock, as a second melanoma-exp would: flock(1) takes the same OS lock
        // (-o: only flock itself holds it, so the lock is free once flock has exited).
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", "-o", OutputLock.LockFile(folder.Path), "sleep", "60"]))!;
        try
        {
            var waited = Stopwatch.StartNew();
            BadInputException? refused = null;
            while (refused is null && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                try
                {
                    OutputLock.Acquire(folder).Dispose();
                    Thread.Sleep(50);
                }
                catch (BadInputException e)
                {
                    refused = e;
                }
            }
            Assert.NotNull(refused);
            // The holder writes its PID once it holds the lock; each try above that got the lock wrote ours.
            File.WriteAllText(OutputLock.HolderFile(folder.Path), "{\"pid\": 4242, \"started\": \"2026-11-25 21:00:00 +00:00\"}");
            refused = Assert.Throws<BadInputException>(() => OutputLock.Acquire(folder));
            Assert.Contains("another melanoma-exp is writing this folder (PID 4242, started 2026-11-25 21:00:00 +00:00)", refused.Message);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            holder.WaitForExit();
        }
        using var mine = OutputLock.Acquire(folder);
        Assert.Contains($"\"pid\":{Environment.ProcessId}", File.ReadAllText(OutputLock.HolderFile(folder.Path)));
    }

    [Fact]
    public void The_lock_is_reentrant_within_one_process()
    {
        using var dir = new TempDir();
        var folder = OutputFolder.Claim(dir.Combine("report"), "run");
        using var outer = OutputLock.Acquire(folder);
        using (OutputLock.Acquire(folder))
        {
        }
        using var again = OutputLock.Acquire(folder);
    }
}
