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

    /// <summary>Keys added by an override: they have no line in the file, so errors name --set instead.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<YamlNode, object> Added = [];

    public static bool IsFromSet(YamlNode key) => Added.TryGetValue(key, out _);

    public static void Apply(YamlMappingNode root, string assignment)
    {
        var eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ConfigException(Source, 0, assignment, "expected key.path=value");
        }
        var path = assignment[..eq].Split('.');
        var value = ParseValue(assignment[(eq + 1)..], assignment[..eq]);
        YamlNode current = root;
        for (var i = 0; i < path.Length - 1; i++)
        {
            current = Child(current, path[i], assignment[..eq]);
        }
        if (current is not YamlMappingNode map)
        {
            throw new ConfigException(Source, 0, assignment[..eq], $"'{path[^2]}' is not a mapping");
        }
        var last = new YamlScalarNode(path[^1]);
        if (!map.Children.ContainsKey(last))
        {
            Added.Add(last, true);
        }
        map.Children[last] = value;
    }

    private static YamlNode Child(YamlNode node, string segment, string key)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var name = new YamlScalarNode(segment);
                if (!map.Children.TryGetValue(name, out var child))
                {
                    child = new YamlMappingNode();
                    Added.Add(name, true);
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
                throw new ConfigException(Source, 0, key, $"no list item named or numbered '{segment}' (names: {string.Join(", ", names)})");
            default:
                throw new ConfigException(Source, 0, key, $"cannot descend into '{segment}': not a mapping or list");
        }
    }

    private static YamlNode ParseValue(string text, string key)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text.Length == 0 ? "''" : text));
            return stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            throw new ConfigException(Source, 0, key, $"value is not valid YAML: {e.Message}");
        }
    }
}
