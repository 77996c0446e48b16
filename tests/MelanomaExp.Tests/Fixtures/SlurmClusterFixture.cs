namespace MelanomaExp.Tests.Fixtures;

/// <summary>One cluster for a test class. Where it cannot start, its tests are skipped with the reason, except under CI, where they fail.</summary>
public sealed class SlurmClusterFixture : IDisposable
{
    private readonly SlurmCluster? _cluster;

    public SlurmClusterFixture()
    {
        Unavailable = SlurmCluster.Unavailable();
        if (Unavailable is null)
        {
            _cluster = SlurmCluster.Start();
        }
    }

    public string? Unavailable { get; }

    /// <summary>Call first in each test: skips (visibly) without a cluster, or fails when CI is set.</summary>
    public void Require()
    {
        if (Unavailable is not null && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Assert.Fail($"CI must run the Slurm tests: {Unavailable}");
        }
        Skip.If(Unavailable is not null, Unavailable);
    }

    public void Dispose() => _cluster?.Dispose();
}
