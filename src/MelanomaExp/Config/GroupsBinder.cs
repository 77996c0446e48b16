using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>Reads <c>data.groups</c> and <c>data.validation</c>.</summary>
internal static class GroupsBinder
{
    public static GroupsSpec? Groups(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }
        var spec = new GroupsSpec(section.String("pattern"), section.String("csv"), section.String("file_column") ?? "file", section.String("column") ?? "group");
        // Describing (the schema) walks an empty stand-in: neither key is there, and the keys after this one must still be recorded.
        if ((spec.Pattern is null) == (spec.Csv is null) && !section.Describing)
        {
            throw section.Error("pattern", "give exactly one of pattern (a regular expression on the file name) and csv (a metadata file)");
        }
        if (spec.Pattern is { } pattern)
        {
            CheckRegex(section, pattern);
        }
        section.RejectUnknown();
        return spec;
    }

    public static ValidationSpec? Validation(YamlSection? section, GroupsSpec? groups, YamlSection data)
    {
        if (section is null)
        {
            return null;
        }
        var by = (ValidationBy)Array.IndexOf(ValidationSpec.Names, section.StringChoice("by", "random", ValidationSpec.Names));
        var pattern = section.String("pattern");
        var holdOut = HoldOut(section);
        section.RejectUnknown();
        if (by != ValidationBy.Group && holdOut.Count > 0)
        {
            throw section.Error("hold_out", "only with by: group");
        }
        if (by != ValidationBy.RandomGroups && pattern is not null)
        {
            throw section.Error("pattern", "only with by: random-groups (data.groups.pattern names the groups of by: group)");
        }
        if (by == ValidationBy.Random)
        {
            return null;
        }
        if (by == ValidationBy.RandomGroups)
        {
            return new ValidationSpec(by, []) { Pattern = Pattern(section, pattern) };
        }
        if (groups is null)
        {
            throw data.Error("groups", "data.validation.by: group needs data.groups");
        }
        return holdOut.Count > 0 ? new ValidationSpec(by, holdOut) : throw section.Error("hold_out", "by: group needs at least one group to hold out, e.g. hold_out: ['000']");
    }

    private static string Pattern(YamlSection section, string? pattern)
    {
        if (pattern is null)
        {
            // Describing walks an empty stand-in; the key is still recorded above.
            return section.Describing ? "" : throw section.Error("pattern", @"by: random-groups needs a pattern whose first capture is an image's group, e.g. 'ISIC_(\d{5})'");
        }
        CheckRegex(section, pattern);
        return pattern;
    }

    private static void CheckRegex(YamlSection section, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw section.Error("pattern", $"not a valid regular expression: {e.Message}");
        }
    }

    /// <summary>A list, or one value (what <c>--set data.validation.hold_out=000</c> gives a sweep).</summary>
    private static List<string> HoldOut(YamlSection section)
    {
        if (section.Raw("hold_out") is YamlScalarNode { Value: { } single })
        {
            return [single];
        }
        var seq = section.Sequence("hold_out", KeyKind.Text);
        if (seq is null)
        {
            return [];
        }
        var values = seq.Children.Select(n => n is YamlScalarNode { Value: { Length: > 0 } v } ? v : null).ToList();
        if (values.Contains(null) || values.Distinct().Count() != values.Count)
        {
            throw section.Error("hold_out", "expected a list of different group names, e.g. ['000', '003']");
        }
        return values!;
    }
}
