using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MelanomaExp.Cli.Commands;

/// <summary>
/// Numeric options that check their value while the command line is parsed: one line naming the option and
/// the allowed range for anything outside it. A range check after parsing lets NaN through, since NaN
/// compares false with both ends.
/// </summary>
internal static class NumberOptions
{
    /// <summary>A probability (a threshold on one): a finite number from 0 to 1.</summary>
    public static Option<double?> Probability(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseProbability(name, result),
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

    private static string? Text(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
}
