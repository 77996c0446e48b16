using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>
/// Typed, strict reads from one YAML mapping. Every error names the file, the line and the full key
/// path; keys that were never read are reported as unknown, so a typo never passes silently.
/// </summary>
internal sealed class YamlSection
{
    private readonly string _file;
    private readonly string _path;
    private readonly YamlMappingNode _node;
    private readonly HashSet<string> _read = [];

    public YamlSection(string file, string path, YamlMappingNode node)
    {
        _file = file;
        _path = path;
        _node = node;
    }

    public int Line => (int)_node.Start.Line;

    public string File => _file;

    public string KeyOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public ConfigException Error(string name, string problem) =>
        new(_file, Find(name)?.Start.Line is { } l ? (int)l : Line, KeyOf(name), problem);

    public string RequireString(string name) =>
        String(name) ?? throw new ConfigException(_file, Line, KeyOf(name), "required key is missing");

    public string? String(string name) => Find(name) is { } node ? Scalar(name, node) : null;

    public int Int(string name, int? fallback, int min, int max)
    {
        if (Find(name) is not { } node)
        {
            return fallback ?? throw new ConfigException(_file, Line, KeyOf(name), "required key is missing");
        }
        var text = Scalar(name, node);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(name, $"expected a whole number, got '{text}'");
        }
        return value >= min && value <= max ? value : throw Error(name, $"must be between {min} and {max}, got {value}");
    }

    public int? OptionalInt(string name, int min, int max) => Find(name) is null ? null : Int(name, null, min, max);

    public double Double(string name, double? fallback, double min, double max, bool exclusive)
    {
        if (Find(name) is not { } node)
        {
            return fallback ?? throw new ConfigException(_file, Line, KeyOf(name), "required key is missing");
        }
        var text = Scalar(name, node);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error(name, $"expected a number, got '{text}'");
        }
        var inside = exclusive ? value > min && value < max : value >= min && value <= max;
        var range = exclusive ? $"strictly between {Fmt(min)} and {Fmt(max)}" : $"between {Fmt(min)} and {Fmt(max)}";
        return inside ? value : throw Error(name, $"must be {range}, got {Fmt(value)}");
    }

    public bool Bool(string name, bool fallback)
    {
        if (Find(name) is not { } node)
        {
            return fallback;
        }
        return Scalar(name, node) switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            var other => throw Error(name, $"expected true or false, got '{other}'"),
        };
    }

    public T Choice<T>(string name, T fallback)
        where T : struct, Enum
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }
        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        return System.Enum.TryParse<T>(text, ignoreCase: true, out var value) && names.Contains(text)
            ? value
            : throw Error(name, $"expected one of {string.Join(", ", names)}, got '{text}'");
    }

    public YamlSection? Section(string name) => Find(name) switch
    {
        null => null,
        YamlMappingNode map => new YamlSection(_file, KeyOf(name), map),
        var other => throw new ConfigException(_file, (int)other.Start.Line, KeyOf(name), "expected a mapping (key: value pairs)"),
    };

    public YamlSection RequireSection(string name) =>
        Section(name) ?? throw new ConfigException(_file, Line, KeyOf(name), "required key is missing");

    public YamlSequenceNode? Sequence(string name) => Find(name) switch
    {
        null => null,
        YamlSequenceNode seq => seq,
        var other => throw new ConfigException(_file, (int)other.Start.Line, KeyOf(name), "expected a list"),
    };

    /// <summary>The node under <paramref name="name"/>, whatever its kind (marks the key as read).</summary>
    public YamlNode? Raw(string name) => Find(name);

    public YamlSection Item(YamlNode node, string itemPath) => node is YamlMappingNode map
        ? new YamlSection(_file, itemPath, map)
        : throw new ConfigException(_file, (int)node.Start.Line, itemPath, "expected a mapping (key: value pairs)");

    /// <summary>Call after reading every known key: anything left is a typo or an unsupported option.</summary>
    public void RejectUnknown()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
            {
                throw Overrides.IsFromSet(key)
                    ? new ConfigException(Overrides.Source, 0, KeyOf(name), $"unknown key{Expected()}")
                    : new ConfigException(_file, (int)key.Start.Line, KeyOf(name), $"unknown key{Expected()}");
            }
        }
    }

    private string Expected() => _read.Count == 0 ? "" : $" (this section takes: {string.Join(", ", _read.Order(StringComparer.Ordinal))})";

    private YamlNode? Find(string name)
    {
        _read.Add(name);
        return _node.Children.TryGetValue(new YamlScalarNode(name), out var value) && !IsNull(value) ? value : null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private string Scalar(string name, YamlNode node) => node is YamlScalarNode { Value: { } value }
        ? value
        : throw new ConfigException(_file, (int)node.Start.Line, KeyOf(name), "expected a single value, not a list or mapping");

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
