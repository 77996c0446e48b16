using System.ComponentModel;
using System.Diagnostics;

namespace MelanomaExp.Sweeps;

/// <summary>Runs a Slurm client (sbatch, squeue) and captures its output.</summary>
internal static class Tool
{
    public static (int Code, string Output, string Error) Run(string name, params string[] args)
    {
        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output, error.Result);
        }
        catch (Win32Exception e)
        {
            throw new BadInputException($"{name}: cannot be started ({e.Message}); is Slurm's client installed and on PATH?", e);
        }
    }

    /// <summary>True when <paramref name="name"/> is an executable on PATH.</summary>
    public static bool Exists(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => d.Length > 0 && File.Exists(Path.Combine(d, name)));
}
