using System.Diagnostics;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Cli;

/// <summary>Signals sent to a real melanoma-exp process: it stops at the next batch, says what it kept, and exits 130 or 143.</summary>
public class SignalTests
{
    [SkippableTheory]
    [InlineData("INT", 2, 130)]
    [InlineData("TERM", 15, 143)]
    public void A_signal_during_training_keeps_the_checkpoint_and_exits_with_its_code(string signal, int number, int expected)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals");
        // A shell starts background jobs (`dotnet test &`) with SIGINT ignored, the child inherits that, and a
        // POSIX program keeps ignoring it, as melanoma-exp does: then there is nothing to test.
        Skip.If(IgnoredHere(number), $"SIG{signal} is ignored in this test process (started in the background?), so the run would ignore it too");
        using var dir = new TempDir();
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "melanoma-exp"))
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "run", RepoPaths.Experiment("smoke.yaml"), "--output", dir.Combine("out"), "--device", "cpu", "--set", "steps.base.train.epochs=500" })
        {
            start.ArgumentList.Add(arg);
        }
        // The embedded sample: fast to load, and the same wherever the tests run.
        start.Environment.Remove("MELANOMA_EXP_DATA");
        using var run = Process.Start(start)!;
        var errors = run.StandardError.ReadToEndAsync();
        string? line;
        while ((line = run.StandardOutput.ReadLine()) is not null && !line.StartsWith("base epoch 2:", StringComparison.Ordinal))
        {
        }
        Assert.NotNull(line);
        using (var kill = Process.Start("kill", [$"-{signal}", run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        var rest = run.StandardOutput.ReadToEnd();
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), "the run did not stop");
        var err = errors.Result;
        Assert.Equal(expected, run.ExitCode);
        Assert.Matches(@"interrupted: base checkpointed after epoch \d+ \(in .*\.out\.run\)", err);
        Assert.DoesNotContain("report:", rest, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out", "README.md")));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, ".out.run", "base", "checkpoint")));
    }

    /// <summary>Whether <paramref name="number"/> is in this process's ignored-signal mask (SigIgn in /proc/self/status).</summary>
    private static bool IgnoredHere(int number)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (number - 1))) != 0;
    }
}
