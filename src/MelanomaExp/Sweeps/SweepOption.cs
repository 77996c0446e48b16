namespace MelanomaExp.Sweeps;

/// <summary>
/// A command-line option a backend adds to <c>sweep</c>, described rather than built: the library does not
/// depend on the command-line parser, and the CLI turns each kind into one parsed option with the usual checks.
/// </summary>
public sealed record SweepOption
{
    private SweepOption(string name, string description, SweepOptionKind kind) => (Name, Description, Kind) = (name, description, kind);

    /// <summary>With its dashes, e.g. <c>--partition</c>.</summary>
    public string Name { get; }

    /// <summary>Help text, without the backend's name (the CLI puts it in front).</summary>
    public string Description { get; }

    public SweepOptionKind Kind { get; }

    /// <summary>The range of a <see cref="SweepOptionKind.Whole"/> option.</summary>
    public int Min { get; private init; }

    public int Max { get; private init; } = int.MaxValue;

    /// <summary>The value of a <see cref="SweepOptionKind.Whole"/> option left out; null leaves it unset.</summary>
    public int? Fallback { get; private init; }

    public static SweepOption Text(string name, string description) => new(name, description, SweepOptionKind.Text);

    /// <summary>Given any number of times, each value kept in order.</summary>
    public static SweepOption Repeated(string name, string description) => new(name, description, SweepOptionKind.Repeated);

    public static SweepOption Whole(string name, string description, int min, int max, int? fallback = null) =>
        new(name, description, SweepOptionKind.Whole) { Min = min, Max = max, Fallback = fallback };
}

public enum SweepOptionKind
{
    /// <summary>One text value, or none.</summary>
    Text,

    /// <summary>Text values, repeatable.</summary>
    Repeated,

    /// <summary>A whole number checked against its range while the command line is parsed.</summary>
    Whole,
}
