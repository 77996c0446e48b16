namespace MelanomaExp.Sweeps;

/// <summary>
/// Splits <c>--grid key.path=v1,v2</c>. Values are YAML as in <c>--set</c>, so commas inside brackets,
/// braces or quotes (<c>data.image_size=[64,64],[96,96]</c>) belong to the value.
/// </summary>
internal static class GridValues
{
    public static GridAxis Parse(string assignment)
    {
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == assignment.Length - 1)
        {
            throw new BadInputException($"--grid {assignment}: expected key.path=value1,value2");
        }
        var values = Split(assignment[(eq + 1)..]);
        if (values.Count != values.Distinct(StringComparer.Ordinal).Count())
        {
            throw new BadInputException($"--grid {assignment}: a value is listed twice");
        }
        return new GridAxis(assignment[..eq].Trim(), values);
    }

    public static List<string> Split(string text)
    {
        var values = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                values.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        values.Add(text[start..].Trim());
        return values.Any(v => v.Length == 0) ? throw new BadInputException($"--grid: empty value in '{text}'") : values;
    }
}
