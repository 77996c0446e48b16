namespace MelanomaExp.Config;

/// <summary>
/// The architectures an experiment file may name. <c>Models.Architectures</c> registers the built-in ones when the
/// library loads (the schema layer cannot name model code); a test adds its own for a while with <see cref="Add"/>.
/// </summary>
internal static class ArchitectureCatalog
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<IArchitectureSchema> _all = [];

    public static IReadOnlyList<IArchitectureSchema> All
    {
        get
        {
            lock (Gate)
            {
                return _all;
            }
        }
    }

    public static IReadOnlyList<string> Names => [.. All.Select(a => a.Name)];

    public static IArchitectureSchema? Find(string name) => All.FirstOrDefault(a => a.Name == name);

    /// <summary>Registers an architecture until the returned handle is disposed; a name may be registered once.</summary>
    public static IDisposable Add(IArchitectureSchema architecture)
    {
        lock (Gate)
        {
            if (_all.Any(a => a.Name == architecture.Name))
            {
                throw new InvalidOperationException($"architecture '{architecture.Name}' is registered already");
            }
            _all = [.. _all, architecture];
        }
        return new Registration(architecture);
    }

    private sealed class Registration(IArchitectureSchema architecture) : IDisposable
    {
        public void Dispose()
        {
            lock (Gate)
            {
                _all = [.. _all.Where(a => !ReferenceEquals(a, architecture))];
            }
        }
    }
}
