using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MelanomaExp.Cli.Commands;

/// <summary>
/// Numeric options that check their value while the command line is parsed: one line naming the option and
/// the allowed range for anything outside it. The built-in conversion names a .NET type instead
/// ("as expected type 'System.Nullable`1[System.Int32]'") and lets NaN through every range check, since
/// NaN compares false with both ends.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A probability (a threshold on one): a finite number from 0 to 1.</summary>
    public static Option<double?> Probability(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseProbability(name, result),
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, <paramref name="fallback"/> when not given.</summary>
    public static Option<int> Whole(string name, string description, int min, int max, int fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseWhole(name, result, min, max) ?? fallback,
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, null when not given.</summary>
    public static Option<int?> OptionalWhole(string name, string description, int min, int max) => new(name)
    {
        Description = description,
        CustomParser = result => ParseWhole(name, result, min, max),
    };

    private static double? ParseProbability(string name, ArgumentResult result)
    {
        var text = Text(result);
        if (text is null)
        {
            return null;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value is >= 0 and <= 1)
        {
            return value;
        }
        result.AddError($"{name}: must be a number from 0 to 1, got '{text}'");
        return null;
    }

    private static int? ParseWhole(string name, ArgumentResult result, int min, int max)
    {
        var text = Text(result);
        if (text is null)
        {
            return null;
        }
        // Parsed as a long so that a value past int's range is reported as out of range, not as not a number.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return (int)value;
        }
        result.AddError($"{name}: must be a whole number {Range(min, max)}, got '{text}'");
        return null;
    }

    private static string Range(int min, int max) => max == int.MaxValue
        ? string.Create(CultureInfo.InvariantCulture, $"of at least {min}")
        : string.Create(CultureInfo.InvariantCulture, $"from {min} to {max}");

    private static string? Text(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
}
