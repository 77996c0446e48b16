using System.Diagnostics;
using System.Security.Cryptography;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// A real one-node Slurm cluster (munged, slurmctld, slurmd) in a temporary folder, started as root without
/// systemd as ../shared/reference/slurm-one-node.md describes. Clients find it through SLURM_CONF, which is
/// set for this test process (and so for the sbatch and squeue the sweep code starts).
/// </summary>
public sealed class SlurmCluster : IDisposable
{
    private static readonly string[] Daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/bin/sbatch", "/usr/bin/squeue", "/usr/bin/sinfo", "/usr/bin/scancel"];
    private readonly TempDir _dir = new();

    private SlurmCluster()
    {
    }

    /// <summary>Why the cluster cannot start here (not root, packages missing), or null when it can.</summary>
    public static string? Unavailable()
    {
        if (Environment.UserName != "root")
        {
            return "the one-node Slurm cluster needs root (slurmd runs jobs as root)";
        }
        var missing = Daemons.Where(d => !File.Exists(d)).ToList();
        return missing.Count == 0 ? null : $"Slurm or munge is not installed ({string.Join(", ", missing)} missing): apt-get install -y --no-install-recommends slurmctld slurmd slurm-client munge";
    }

    public static SlurmCluster Start()
    {
        var cluster = new SlurmCluster();
        try
        {
            cluster.Boot();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private void Boot()
    {
        var d = _dir.Path;
        foreach (var sub in new[] { "munge", "state", "spool" })
        {
            Directory.CreateDirectory(Path.Combine(d, sub));
        }
        Exec("/bin/chmod", "755", Path.Combine(d, "munge"));
        var key = Path.Combine(d, "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        Exec("/bin/chmod", "400", key);
        var socket = Path.Combine(d, "munge", "munge.socket");
        Exec("/usr/sbin/munged", $"--socket={socket}", $"--key-file={key}", $"--log-file={d}/munged.log", $"--pid-file={d}/munged.pid", $"--seed-file={d}/munged.seed", "--force");
        var host = Environment.MachineName;
        File.WriteAllText(Path.Combine(d, "slurm.conf"), $"""
            ClusterName=mexptest
            SlurmctldHost={host}(127.0.0.1)
            AuthType=auth/munge
            AuthInfo=socket={socket}
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            ReturnToService=2
            SlurmUser=root
            StateSaveLocation={d}/state
            SlurmdSpoolDir={d}/spool
            SlurmctldPidFile={d}/slurmctld.pid
            SlurmdPidFile={d}/slurmd.pid
            SlurmctldLogFile={d}/slurmctld.log
            SlurmdLogFile={d}/slurmd.log
            NodeName={host} CPUs={Environment.ProcessorCount} RealMemory=1000 State=UNKNOWN
            PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP

            """);
        Environment.SetEnvironmentVariable("SLURM_CONF", Path.Combine(d, "slurm.conf"));
        Exec("/usr/sbin/slurmctld");
        Exec("/usr/sbin/slurmd");
        var waited = Stopwatch.StartNew();
        while (!NodeIdle())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"the Slurm node did not become idle in 30 s; see {d}/slurmctld.log and slurmd.log");
            }
            Thread.Sleep(200);
        }
    }

    /// <summary>
    /// Whether the node reports idle. sinfo fails while slurmctld is still starting (on a loaded machine it can take
    /// seconds to listen), which is "not yet", not an error; the caller's deadline decides when waiting is over.
    /// </summary>
    private static bool NodeIdle()
    {
        try
        {
            return Exec("/usr/bin/sinfo", "-h", "-o", "%T").Contains("idle", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Runs a command and returns its output; a failure throws with its error output.</summary>
    public static string Exec(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)}: exit code {process.ExitCode}: {error.Result}");
    }

    /// <summary>Waits until Slurm has no job left in its queue.</summary>
    public static void WaitForEmptyQueue(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (Exec("/usr/bin/squeue", "-h").Trim().Length > 0)
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Slurm jobs still queued after {limit.TotalSeconds:0} s: {Exec("/usr/bin/squeue")}");
            }
            Thread.Sleep(250);
        }
    }

    public void Dispose()
    {
        foreach (var pidFile in new[] { "slurmd.pid", "slurmctld.pid", "munged.pid" }.Select(f => Path.Combine(_dir.Path, f)))
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try
                {
                    using var process = Process.GetProcessById(pid);
                    process.Kill();
                    process.WaitForExit(5000);
                }
                catch (ArgumentException)
                {
                    // Already gone.
                }
            }
        }
        Environment.SetEnvironmentVariable("SLURM_CONF", null);
        _dir.Dispose();
    }
}
