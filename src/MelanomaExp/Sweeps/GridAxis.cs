namespace MelanomaExp.Sweeps;

/// <summary>One swept key: a <c>--set</c> key path and the values it takes (each in <c>--set</c>'s YAML value syntax).</summary>
internal sealed record GridAxis(string Key, IReadOnlyList<string> Values);
