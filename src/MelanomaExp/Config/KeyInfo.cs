namespace MelanomaExp.Config;

/// <summary>
/// What the loader reads at one key, recorded as it reads it, so the JSON Schema is generated from
/// the binding code itself. <see cref="Path"/> writes list items as <c>[]</c> (<c>steps[].train.epochs</c>).
/// </summary>
public sealed record KeyInfo(string Path, KeyKind Kind)
{
    public bool Required { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>True when <see cref="Min"/> and <see cref="Max"/> themselves are not allowed.</summary>
    public bool Exclusive { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public object? Default { get; init; }

    /// <summary>For lists: the kind of their items and how many there may be.</summary>
    public KeyKind? ItemKind { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>For a mapping that holds exactly one of its keys (a pipeline operation), which may be given without a value.</summary>
    public bool SingleKey { get; init; }

    public bool Nullable { get; init; }
}

public enum KeyKind
{
    Text,
    WholeNumber,
    Number,
    TrueFalse,
    Mapping,
    List,
}
