namespace MelanomaExp.Sweeps;

/// <summary>The parsed values of the backends' <see cref="SweepOption"/>s, by option name; an option not given is absent.</summary>
public sealed class SweepOptionValues(IReadOnlyDictionary<string, object?> values)
{
    public static SweepOptionValues None { get; } = new(new Dictionary<string, object?>());

    public string? Text(string name) => values.GetValueOrDefault(name) as string;

    public IReadOnlyList<string> Repeated(string name) => values.GetValueOrDefault(name) as IReadOnlyList<string> ?? [];

    public int? Whole(string name) => values.GetValueOrDefault(name) as int?;
}
