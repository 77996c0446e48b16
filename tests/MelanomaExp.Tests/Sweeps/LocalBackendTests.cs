using MelanomaExp.Sweeps;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Sweeps;

public class LocalBackendTests
{
    [Fact]
    public void Free_slots_take_the_rows_in_plan_order()
    {
        using var dir = new TempDir();
        var order = dir.Combine("order.txt");
        var rows = Enumerable.Range(1, 4).Select(seed => new SweepRow($"default-seed{seed}", "default", [], seed, "hash", null)).ToList();
        var plan = new SweepPlan("order", "order.yaml", [], null, rows);
        // Each "run" notes its seed argument as it starts, then waits (30 s at most) until two runs have started:
        // the first two lines are the first two rows taken, however slowly a loaded machine starts processes.
        var note = $"for a in \"$@\"; do case \"$a\" in seed=*) echo \"$a\" >> '{order}';; esac; done";
        var wait = $"n=0; while [ \"$(wc -l < '{order}')\" -lt 2 ] && [ $n -lt 300 ]; do sleep 0.1; n=$((n+1)); done";
        string[] command = ["/bin/sh", "-c", $"{note}; {wait}", "sh"];

        var failed = LocalBackend.Run(dir.Path, plan, rows, jobs: 2, command, _ => { }, CancellationToken.None);

        Assert.Equal(0, failed);
        var started = File.ReadAllLines(order);
        Assert.Equal(4, started.Length);
        // The first two to start are rows 1 and 2 (in either order), not 1 and 3 as range partitioning would pick.
        Assert.Equal(["seed=1", "seed=2"], started.Take(2).Order());
        Assert.Equal(["seed=3", "seed=4"], started.Skip(2).Order());
    }
}
