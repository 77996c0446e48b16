using System.Diagnostics;
using System.Globalization;
using MelanomaExp.Native;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Native;

public class MallocTuningTests
{
    [Fact]
    public void Is_applied_on_glibc()
    {
        Assert.Equal("glibc malloc keeps freed memory (mmap off, trim threshold 2 GiB)", MallocTuning.Apply());
    }

    /// <summary>
    /// The CLI trains on the process's main thread, whose malloc arena the tuning governs, so the check runs
    /// the real CLI as a child process: the same short training with and without the tuning, counting the
    /// child's minor page faults. At 128x128, batch 32, the first convolution's output alone is 64 MiB,
    /// which glibc by default maps afresh (and faults in again) at every step.
    /// </summary>
    [Fact]
    public void Training_reuses_its_buffers_instead_of_faulting_them_in_every_step()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 2, perClass: 40, size: 32, jpeg: true);
        var file = dir.Combine("faults.yaml");
        File.WriteAllText(file, """
            name: faults
            seed: 1
            data: { image_size: [128, 128], validation_split: 0.2 }
            steps:
              - name: base
                model: { arch: seed-cnn }
                train: { epochs: 3, batch_size: 32 }
            """);
        var tuned = ChildFaults(dir, file, "tuned", tuning: true);
        var untuned = ChildFaults(dir, file, "untuned", tuning: false);
        Assert.True(untuned > 2 * tuned, $"minor page faults: {tuned:N0} tuned, {untuned:N0} with glibc defaults");
    }

    private static long ChildFaults(TempDir dir, string file, string output, bool tuning)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "melanoma-exp.dll"), "run", file, "--data-root", dir.Combine("data"), "--output", dir.Combine(output), "--device", "cpu" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["MELANOMA_EXP_MALLOC"] = tuning ? "" : "default";
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        long faults = 0;
        while (!child.HasExited)
        {
            faults = Math.Max(faults, MinorFaults(child.Id));
            Thread.Sleep(20);
        }
        Assert.True(child.ExitCode == 0, stderr.Result + stdout.Result);
        return faults;
    }

    /// <summary>Field 10 of /proc/PID/stat: the process's minor page faults so far (0 once it is gone).</summary>
    private static long MinorFaults(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[7], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
