using System.Diagnostics;
using System.Text.Json;

namespace MelanomaExp.Benchmarking;

/// <summary>The PyTorch reference script's figures for one layout.</summary>
public sealed record PeerTiming(string Layout, bool MallocTuned, double TrainMedianMs, double TrainImagesPerS, double InferenceImagesPerS, string Version, string Blas, int Threads);

/// <summary>
/// Runs <c>peer_seed_cnn.py</c> (PyTorch, the same network, batch, image size and thread count) in a
/// child process, once per layout, and reads the JSON line it prints. It runs once as shipped and once
/// with glibc's malloc set as melanoma-exp sets it (<see cref="Native.MallocTuning"/>), through
/// GLIBC_TUNABLES, so the comparison can be read both as tool against tool and as engine against engine.
/// </summary>
internal static class PeerBench
{
    /// <summary>
    /// The interpreter that runs the reference: MELANOMA_EXP_PYTHON when set (a venv's or conda's python,
    /// where PyTorch is usually installed), else the system's /usr/bin/python3.
    /// </summary>
    public static string Python =>
        Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } chosen ? chosen : "/usr/bin/python3";

    public const string PythonVariable = "MELANOMA_EXP_PYTHON";

    /// <summary>The same settings as <see cref="Native.MallocTuning"/>, for a process started fresh.</summary>
    public const string TunedMalloc = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=2147483647";

    /// <summary>The script at <paramref name="given"/>, or ../shared/bench/peer_seed_cnn.py seen from the current folder.</summary>
    public static string Locate(string? given)
    {
        var path = Path.GetFullPath(string.IsNullOrEmpty(given) ? Path.Combine("..", "shared", "bench", "peer_seed_cnn.py") : given);
        return File.Exists(path) ? path : throw new BadInputException($"{path}: --peer: reference script not found (give its path: --peer PATH)");
    }

    /// <summary>Fails fast, before the long benchmark, when the reference cannot run.</summary>
    public static void CheckRunnable()
    {
        var (code, _, error) = Execute(["-c", "import torch"], TimeSpan.FromMinutes(1), null);
        if (code != 0)
        {
            throw new BadInputException($"--peer: {Python} cannot import torch ({error.Trim().Split('\n')[^1]}); install it with: apt-get install -y python3-torch libopenblas0-pthread, or name a python that has it in {PythonVariable}");
        }
    }

    public static PeerTiming Run(string script, string layout, int size, int batch, int threads, int steps, bool mallocTuned)
    {
        var (code, output, error) = Execute(
            [script, "--size", $"{size}", "--batch", $"{batch}", "--threads", $"{threads}", "--steps", $"{steps}", "--layout", layout],
            TimeSpan.FromMinutes(20),
            mallocTuned ? TunedMalloc : null);
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (code != 0 || line is null)
        {
            throw new InvalidOperationException($"{script} --layout {layout} failed (exit {code}): {error.Trim()}");
        }
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var train = root.GetProperty("train");
        return new PeerTiming(
            layout,
            mallocTuned,
            train.GetProperty("median_ms").GetDouble(),
            train.GetProperty("images_per_s").GetDouble(),
            root.GetProperty("infer").GetProperty("images_per_s").GetDouble(),
            root.GetProperty("version").GetString() ?? "?",
            root.GetProperty("blas").GetString() ?? "?",
            root.GetProperty("threads").GetInt32());
    }

    internal static (int Code, string Output, string Error) Execute(IEnumerable<string> arguments, TimeSpan timeout, string? tunables)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (tunables is not null)
        {
            start.Environment["GLIBC_TUNABLES"] = tunables;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new BadInputException($"--peer: could not start {Python}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BadInputException($"--peer: could not start {Python}: {e.Message} (set {PythonVariable} to the python that has PyTorch)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Python} did not finish within {timeout.TotalMinutes} minutes");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
