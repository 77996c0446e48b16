using System.Diagnostics;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Cli;

/// <summary>The live progress display in a real pseudo-terminal (util-linux's <c>script</c>), read back as the screen a person sees.</summary>
public class ConsoleProgressTests
{
    private const int Columns = 140;

    [SkippableFact]
    public void Each_epoch_line_is_written_above_the_live_bar_and_the_times_are_labelled()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/script"), "needs a pseudo-terminal from util-linux's script");
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 3, perClass: 8, size: 32);
        File.WriteAllText(dir.Combine("tiny.yaml"), """
            name: tiny
            seed: 3
            device: cpu
            data: { train: Train, image_size: [32, 32], validation_split: 0.25 }
            steps:
              - name: base
                model: { arch: seed-cnn }
                train: { epochs: 8, batch_size: 4 }
            evaluation: { bootstrap: 20 }
            """);
        var log = dir.Combine("terminal.log");
        var command = $"stty cols {Columns} rows 50; dotnet '{Path.Combine(AppContext.BaseDirectory, "melanoma-exp.dll")}' run '{dir.Combine("tiny.yaml")}' --data-root '{dir.Combine("data")}' --output '{dir.Combine("out")}'";
        var start = new ProcessStartInfo("/usr/bin/script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-q", "-e", "-f", "-c", command, log })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("MELANOMA_EXP_DATA");
        using (var run = Process.Start(start)!)
        {
            run.StandardInput.Close();
            _ = run.StandardOutput.ReadToEndAsync();
            _ = run.StandardError.ReadToEndAsync();
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(180)), "the run did not finish");
            Assert.Equal(0, run.ExitCode);
        }
        var rows = TerminalScreen.Replay(File.ReadAllText(log), Columns).Rows;
        var epochs = rows.Where(r => r.Contains("epoch", StringComparison.Ordinal) && r.Contains(": loss", StringComparison.Ordinal)).ToList();
        // One row per epoch summary, each starting at the first column, none sharing its row with the bar.
        Assert.Equal(8, epochs.Count);
        Assert.All(epochs, r => Assert.StartsWith("base epoch ", r, StringComparison.Ordinal));
        Assert.All(epochs, r => Assert.DoesNotContain('━', r));
        Assert.Equal(Enumerable.Range(1, 8).Select(e => $"base epoch {e}:"), epochs.Select(r => r[..r.IndexOf(':', StringComparison.Ordinal)] + ":"));
        Assert.Contains(rows, r => r.Contains('━', StringComparison.Ordinal) && r.Contains("elapsed ", StringComparison.Ordinal) && r.Contains("left ", StringComparison.Ordinal));
    }
}
