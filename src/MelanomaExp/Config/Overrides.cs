using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>
/// Applies one <c>--set key.path=value</c> to the parsed YAML before validation, so an override is
/// checked exactly like the file. Steps are addressed by name (<c>steps.base.train.epochs</c>) or index.
/// The value is read as YAML, so <c>--set data.image_size=[64,64]</c> works.
/// </summary>
internal static class Overrides
{
    public const string Source = "--set";

    /// <summary>Nodes an override put in (keys it added, values it set): they have no line in the file, so errors name the --set argument instead.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlNode, string> Added = [];

    /// <summary>The <c>key.path=value</c> argument that put <paramref name="node"/> there, or null for the file's own nodes.</summary>
    public static string? ArgumentOf(YamlNode node) => Added.TryGetValue(node, out var argument) ? argument : null;

    public static void Apply(YamlMappingNode root, string assignment)
    {
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw Fail(assignment, assignment, "expected key.path=value");
        }
        var path = assignment[..eq].Split('.');
        var value = ParseValue(assignment[(eq + 1)..], assignment);
        YamlNode current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            current = Child(current, path[i], assignment);
        }
        if (current is not YamlMappingNode map)
        {
            throw Fail(assignment, assignment[..eq], $"'{path[^2]}' is not a mapping");
        }
        var last = new YamlScalarNode(path[^1]);
        if (!map.Children.ContainsKey(last))
        {
            Added.AddOrUpdate(last, assignment);
        }
        foreach (var node in value.AllNodes)
        {
            Added.AddOrUpdate(node, assignment);
        }
        map.Children[last] = value;
    }

    private static YamlNode Child(YamlNode node, string segment, string assignment)
    {
        var key = assignment[..assignment.IndexOf('=', StringComparison.Ordinal)];
        switch (node)
        {
            case YamlMappingNode map:
                var name = new YamlScalarNode(segment);
                if (!map.Children.TryGetValue(name, out var child))
                {
                    child = new YamlMappingNode();
                    Added.AddOrUpdate(name, assignment);
                    map.Children[name] = child;
                }
                return child;
            case YamlSequenceNode seq:
                var byName = seq.Children.OfType<YamlMappingNode>().FirstOrDefault(m =>
                    m.Children.TryGetValue(new YamlScalarNode("name"), out var n) && n is YamlScalarNode s && s.Value == segment);
                if (byName is not null)
                {
                    return byName;
                }
                if (int.TryParse(segment, out var index) && index >= 0 && index < seq.Children.Count)
                {
                    return seq.Children[index];
                }
                var names = seq.Children.OfType<YamlMappingNode>()
                    .Select(m => m.Children.TryGetValue(new YamlScalarNode("name"), out var n) ? (n as YamlScalarNode)?.Value : null)
                    .OfType<string>();
                throw Fail(assignment, key, $"no list item named or numbered '{ConfigException.Shown(segment)}' (names: {string.Join(", ", names)})");
            default:
                throw Fail(assignment, key, $"cannot descend into '{segment}': not a mapping or list");
        }
    }

    private static ConfigException Fail(string assignment, string key, string problem) =>
        new($"{Source} {ConfigException.Shown(assignment)}", 0, key, problem);

    private static YamlNode ParseValue(string text, string assignment)
    {
        try
        {
            return YamlText.Load(text.Length == 0 ? "''" : text, "--set").Documents[0].RootNode;
        }
        catch (ConfigException e)
        {
            throw Fail(assignment, assignment[..assignment.IndexOf('=', StringComparison.Ordinal)], $"value is not valid YAML: {e.Problem}");
        }
    }
}
