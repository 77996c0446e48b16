using System.CommandLine;
using MelanomaExp.Sweeps;

namespace MelanomaExp.Cli.Commands;

/// <summary>The sweep backends' declared options as parsed options, each with how to read its value back.</summary>
internal static class BackendOptions
{
    public sealed record Parsed(Option Option, Func<ParseResult, object?> Read);

    public static Parsed Create(ISweepBackend backend, SweepOption spec)
    {
        var description = $"{backend.Name}: {spec.Description}";
        return spec.Kind switch
        {
            SweepOptionKind.Text => Read(new Option<string?>(spec.Name) { Description = description }),
            SweepOptionKind.Repeated => Read(new Option<string[]>(spec.Name) { Description = description, Arity = ArgumentArity.ZeroOrMore }, []),
            SweepOptionKind.Whole when spec.Fallback is { } fallback => Read(NumberOptions.Whole(spec.Name, description, spec.Min, spec.Max, fallback)),
            SweepOptionKind.Whole => Read(NumberOptions.OptionalWhole(spec.Name, description, spec.Min, spec.Max)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown sweep option kind"),
        };
    }

    private static Parsed Read<T>(Option<T> option, T? absent = default) => new(option, parse => parse.GetValue(option) ?? absent);

    /// <summary>"local (processes here) or slurm (an array job)", for --backend's help.</summary>
    public static string Choices(SweepBackends backends)
    {
        var named = backends.Items.Select(b => $"{b.Name} ({b.Summary})").ToList();
        return named.Count == 1 ? named[0] : $"{string.Join(", ", named[..^1])} or {named[^1]}";
    }
}
