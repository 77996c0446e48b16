using System.Runtime.Versioning;
using MelanomaExp.Benchmarking;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Benchmarking;

// MELANOMA_EXP_PYTHON is process-wide, and HeadToHeadTests starts the interpreter it names.
[Collection("PeerPython")]
public class PeerBenchTests
{
    [SkippableFact]
    [UnsupportedOSPlatform("windows")] // the wrapper is a shell script made executable with SetUnixFileMode
    public void The_reference_runs_under_the_python_named_in_MELANOMA_EXP_PYTHON()
    {
        Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/python3"), "needs Linux and /usr/bin/python3, wrapped as the chosen interpreter");
        using var dir = new TempDir();
        var marker = dir.Combine("wrapper-ran");
        var wrapper = dir.Combine("python");
        File.WriteAllText(wrapper, $"#!/bin/sh\ntouch '{marker}'\nexec /usr/bin/python3 \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var script = dir.Combine("peer.py");
        File.WriteAllText(script, """
            import json
            print(json.dumps({"train": {"median_ms": 500.0, "images_per_s": 64.0}, "infer": {"images_per_s": 128.0},
                              "version": "stand-in", "blas": "none", "threads": 2}))
            """);

        var timing = WithPython(wrapper, () => PeerBench.Run(script, "nhwc", size: 16, batch: 32, threads: 2, steps: 1, mallocTuned: true));

        Assert.True(File.Exists(marker), "the run did not go through MELANOMA_EXP_PYTHON");
        Assert.Equal((500.0, "stand-in"), (timing.TrainMedianMs, timing.Version));
    }

    [Fact]
    public void A_missing_chosen_python_is_a_bad_input_that_names_it_and_the_variable()
    {
        using var dir = new TempDir();
        var missing = dir.Combine("no-such-python");

        var error = Assert.Throws<BadInputException>(() => WithPython(missing, () => { PeerBench.CheckRunnable(); return 0; }));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(PeerBench.PythonVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_variable_the_system_python_runs_it()
    {
        Assert.Equal("/usr/bin/python3", WithPython(null, () => PeerBench.Python));
    }

    private static T WithPython<T>(string? python, Func<T> action)
    {
        var before = Environment.GetEnvironmentVariable(PeerBench.PythonVariable);
        Environment.SetEnvironmentVariable(PeerBench.PythonVariable, python);
        try
        {
            return action();
        }
        finally
        {
            Environment.SetEnvironmentVariable(PeerBench.PythonVariable, before);
        }
    }
}
