using System.Text.RegularExpressions;
using MelanomaExp.Config;

namespace MelanomaExp.Data.Groups;

/// <summary>Gives every image its group from the file name (<c>pattern</c>) or a metadata CSV (<c>csv</c>).</summary>
internal static class GroupAssigner
{
    /// <summary>The group of files the pattern does not match, or the CSV does not list.</summary>
    public const string Unassigned = "(none)";

    /// <param name="baseDir">Where a relative <c>csv</c> path is resolved (the experiment file's folder).</param>
    public static string[] Assign(GroupsSpec spec, IReadOnlyList<string> paths, string baseDir)
    {
        if (spec.Pattern is { } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return paths.Select(p => regex.Match(Path.GetFileName(p)) is { Success: true } m
                ? (m.Groups.Count > 1 ? m.Groups[1].Value : m.Value)
                : Unassigned).ToArray();
        }
        var table = GroupTable.Read(Path.Combine(baseDir, spec.Csv!), spec.FileColumn, spec.Column);
        return paths.Select(p => table.TryGetValue(Path.GetFileName(p), out var g) || table.TryGetValue(Path.GetFileNameWithoutExtension(p), out g) ? g : Unassigned).ToArray();
    }
}
