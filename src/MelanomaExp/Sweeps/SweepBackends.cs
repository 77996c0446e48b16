namespace MelanomaExp.Sweeps;

/// <summary>
/// The backends <c>sweep --backend</c> offers, the first being the default. An instance rather than a static
/// list, so a caller (a test, another front end) can offer one more without changing what others see.
/// </summary>
public sealed class SweepBackends
{
    private SweepBackends(IReadOnlyList<ISweepBackend> items)
    {
        var names = items.GroupBy(b => b.Name).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new ArgumentException($"two sweep backends are named '{names.Key}'", nameof(items));
        }
        // Every backend's options sit side by side on the one sweep command.
        var options = items.SelectMany(b => b.Options).GroupBy(o => o.Name).FirstOrDefault(g => g.Count() > 1);
        if (options is not null)
        {
            throw new ArgumentException($"two sweep backends declare {options.Key}", nameof(items));
        }
        Items = items;
    }

    /// <summary>The one place that names the backends.</summary>
    public static SweepBackends All { get; } = new([new LocalBackend(), new SlurmBackend()]);

    public IReadOnlyList<ISweepBackend> Items { get; }

    public ISweepBackend Default => Items[0];

    /// <summary>These and <paramref name="extra"/>, after them.</summary>
    public SweepBackends With(ISweepBackend extra) => new([.. Items, extra]);

    public ISweepBackend Named(string name) =>
        Items.FirstOrDefault(b => b.Name == name) ?? throw new BadInputException($"sweep: unknown backend '{name}' (one of {string.Join(", ", Items.Select(b => b.Name))})");

    /// <summary>What every backend's queue says about the sweep's runs: a folder's status does not record which backend ran it.</summary>
    public IReadOnlyDictionary<string, QueueState> Queue(string dir, SweepPlan plan)
    {
        var states = new Dictionary<string, QueueState>();
        foreach (var backend in Items)
        {
            foreach (var (id, state) in backend.Queue(dir, plan))
            {
                states.TryAdd(id, state);
            }
        }
        return states;
    }
}
