using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>
/// Typed, strict reads from one YAML mapping. A problem is recorded (file, line, full key path) and the
/// read goes on with a stand-in value, so one pass finds every problem; keys never read are reported as
/// unknown with the closest known key. Every read also records the key's type, range and default,
/// which is what <see cref="ExperimentSchema"/> turns into the JSON Schema.
/// </summary>
internal sealed class YamlSection
{
    private readonly string _file;
    private readonly string _path;
    private readonly YamlMappingNode _node;
    private readonly ConfigDiagnostics _diag;
    private readonly HashSet<string> _read = [];

    public YamlSection(string file, string path, YamlMappingNode node, ConfigDiagnostics diag)
    {
        _file = file;
        _path = path;
        _node = node;
        _diag = diag;
    }

    public int Line => (int)_node.Start.Line;

    public string File => _file;

    /// <summary>True in the schema pass: there is no document, only the keys the binders read.</summary>
    public bool Describing => _diag.Describing;

    public string KeyOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    /// <summary>A problem at <paramref name="name"/>'s value (or at this section when the key is absent); an override's value names its --set argument.</summary>
    public ConfigException Error(string name, string problem) => At(Peek(name) ?? (YamlNode)_node, KeyOf(name), problem);

    /// <summary>Whether the key is written in the file (or set by an override), whatever its value.</summary>
    public bool Has(string name) => Peek(name) is not null;

    /// <summary>Records a problem and lets binding go on.</summary>
    public void Report(string name, string problem) => _diag.Add(Error(name, problem));

    public void Report(ConfigException problem) => _diag.Add(problem);

    public string RequireString(string name)
    {
        Record(name, new KeyInfo("", KeyKind.Text) { Required = true });
        return String(name, record: false) ?? Missing(name, "");
    }

    public string? String(string name) => String(name, record: true);

    /// <summary>One of fixed words (required when <paramref name="fallback"/> is null); a wrong one is reported and a stand-in used.</summary>
    public string StringChoice(string name, string? fallback, params string[] allowed)
    {
        Record(name, new KeyInfo("", KeyKind.Text) { Choices = allowed, Default = fallback, Required = fallback is null });
        var text = String(name, record: false);
        if (text is null)
        {
            return fallback ?? Missing(name, allowed[0]);
        }
        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }
        Report(name, $"expected {Alternatives(allowed)}, got '{ConfigException.Shown(text)}'");
        return fallback ?? allowed[0];
    }

    public int Int(string name, int? fallback, int min, int max)
    {
        Record(name, new KeyInfo("", KeyKind.WholeNumber) { Required = fallback is null, Min = min, Max = max, Default = fallback });
        if (Find(name) is not { } node)
        {
            return fallback ?? Missing(name, min);
        }
        var text = Scalar(name, node);
        if (text is null)
        {
            return fallback ?? min;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Report(name, $"expected a whole number, got '{ConfigException.Shown(text)}'");
            return fallback ?? min;
        }
        if (value < min || value > max)
        {
            Report(name, $"must be between {min} and {max}, got {value}");
        }
        return value;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        Record(name, new KeyInfo("", KeyKind.WholeNumber) { Min = min, Max = max });
        return Peek(name) is null ? null : Int(name, 0, min, max);
    }

    public double Double(string name, double? fallback, double min, double max, bool exclusive)
    {
        Record(name, new KeyInfo("", KeyKind.Number) { Required = fallback is null, Min = min, Max = max, Exclusive = exclusive, Default = fallback });
        if (Find(name) is not { } node)
        {
            return fallback ?? Missing(name, min);
        }
        var text = Scalar(name, node);
        if (text is null)
        {
            return fallback ?? min;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Report(name, $"expected a number, got '{ConfigException.Shown(text)}'");
            return fallback ?? min;
        }
        var inside = exclusive ? value > min && value < max : value >= min && value <= max;
        if (!inside)
        {
            var range = exclusive ? $"strictly between {Fmt(min)} and {Fmt(max)}" : $"between {Fmt(min)} and {Fmt(max)}";
            Report(name, $"must be {range}, got {Fmt(value)}");
        }
        return value;
    }

    public bool Bool(string name, bool fallback)
    {
        Record(name, new KeyInfo("", KeyKind.TrueFalse) { Default = fallback });
        if (Find(name) is not { } node)
        {
            return fallback;
        }
        switch (Scalar(name, node))
        {
            case "true" or "True" or "yes":
                return true;
            case "false" or "False" or "no":
                return false;
            case { } other:
                Report(name, $"expected true or false, got '{ConfigException.Shown(other)}'");
                return fallback;
            default:
                return fallback;
        }
    }

    public T Choice<T>(string name, T fallback)
        where T : struct, Enum
    {
        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var text = StringChoice(name, fallback.ToString().ToLowerInvariant(), names);
        return System.Enum.Parse<T>(text, ignoreCase: true);
    }

    public YamlSection? Section(string name)
    {
        Record(name, new KeyInfo("", KeyKind.Mapping));
        return Describing ? StandIn(name) : SectionAt(name);
    }

    public YamlSection RequireSection(string name)
    {
        Record(name, new KeyInfo("", KeyKind.Mapping) { Required = true });
        return Describing ? StandIn(name) : SectionAt(name) ?? Missing(name, StandIn(name).Muted());
    }

    /// <summary>The node under <paramref name="name"/>, whatever its kind (marks the key as read).</summary>
    public YamlNode? Raw(string name) => Find(name);

    /// <summary>A list; when describing, one empty mapping, so a binder that walks items reads an item's keys.</summary>
    public YamlSequenceNode? Sequence(string name, KeyKind itemKind = KeyKind.Mapping)
    {
        Record(name, new KeyInfo("", KeyKind.List) { ItemKind = itemKind });
        if (Describing)
        {
            return new YamlSequenceNode(new YamlMappingNode());
        }
        switch (Find(name))
        {
            case null:
                return null;
            case YamlSequenceNode seq:
                return seq;
            case var other:
                _diag.Add(At(other, KeyOf(name), "expected a list"));
                return null;
        }
    }

    /// <summary>A list of whole numbers in [min, max], between minItems and maxItems of them, optionally all different; null when absent or wrong.</summary>
    public IReadOnlyList<int>? IntList(string name, int min, int max, int minItems, int maxItems, bool distinct, string example)
    {
        Record(name, new KeyInfo("", KeyKind.List) { ItemKind = KeyKind.WholeNumber, Min = min, Max = max, MinItems = minItems, MaxItems = maxItems });
        if (Describing)
        {
            return Enumerable.Range(min, minItems).ToList();
        }
        var seq = Sequence(name, KeyKind.WholeNumber);
        if (seq is null)
        {
            return null;
        }
        var values = seq.Children.Select(n => n is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= min && i <= max ? i : (int?)null).ToList();
        if (values.Count < minItems || values.Count > maxItems || values.Contains(null) || (distinct && values.Distinct().Count() != values.Count))
        {
            Report(name, $"expected {example}");
            return null;
        }
        return values.Select(v => v!.Value).ToList();
    }

    public YamlSection Item(YamlNode node, string itemPath)
    {
        if (node is YamlMappingNode map)
        {
            return new YamlSection(_file, itemPath, map, _diag);
        }
        _diag.Add(At(node, itemPath, "expected a mapping (key: value pairs)"));
        return new YamlSection(_file, itemPath, new YamlMappingNode(), _diag.Mute());
    }

    /// <summary>A mapping below this one that is not one of its keys (a pipeline operation's parameters).</summary>
    public YamlSection Nested(string path, YamlMappingNode map) => new(_file, path, map, _diag);

    /// <summary>Records that the list's items are mappings holding exactly one key each, whose value may be empty.</summary>
    public void RecordSingleKeyItems(string listName) =>
        Record($"{listName}[0]", new KeyInfo("", KeyKind.Mapping) { SingleKey = true });

    public ConfigException At(YamlNode node, string key, string problem) => Overrides.ArgumentOf(node) is { } argument
        ? new ConfigException($"{Overrides.Source} {ConfigException.Shown(argument)}", 0, key, problem)
        : new ConfigException(_file, (int)node.Start.Line, key, problem);

    /// <summary>Call after reading every known key: anything left is a typo or an unsupported option.</summary>
    public void RejectUnknown()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!_read.Contains(name))
            {
                var suggestion = KeySuggestion.For(name, _read);
                var problem = suggestion is not null ? $"unknown key; did you mean '{suggestion}'?" : $"unknown key{Expected()}";
                _diag.Add(At(key, KeyOf(ConfigException.Shown(name)), problem), unknownKey: true);
            }
        }
    }

    private YamlSection Muted() => new(_file, _path, _node, _diag.Mute());

    private YamlSection StandIn(string name) => new(_file, KeyOf(name), new YamlMappingNode(), _diag);

    private YamlSection? SectionAt(string name)
    {
        switch (Find(name))
        {
            case null:
                return null;
            case YamlMappingNode map:
                return new YamlSection(_file, KeyOf(name), map, _diag);
            case var other:
                _diag.Add(At(other, KeyOf(name), "expected a mapping (key: value pairs)"));
                return null;
        }
    }

    private string? String(string name, bool record)
    {
        if (record)
        {
            Record(name, new KeyInfo("", KeyKind.Text));
        }
        return Find(name) is { } node ? Scalar(name, node) : null;
    }

    private T Missing<T>(string name, T standIn)
    {
        _diag.Add(new ConfigException(_file, Line, KeyOf(name), "required key is missing"));
        return standIn;
    }

    private void Record(string name, KeyInfo info) => _diag.Record(KeyOf(name), info);

    private static string Alternatives(string[] allowed) =>
        allowed.Length == 1 ? allowed[0] : $"{string.Join(", ", allowed[..^1])} or {allowed[^1]}";

    private string Expected() => _read.Count == 0 ? "" : $" (this section takes: {string.Join(", ", _read.Order(StringComparer.Ordinal))})";

    private YamlNode? Find(string name)
    {
        _read.Add(name);
        return Peek(name);
    }

    private YamlNode? Peek(string name) =>
        _node.Children.TryGetValue(new YamlScalarNode(name), out var value) && !IsNull(value) ? value : null;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    private string? Scalar(string name, YamlNode node)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }
        _diag.Add(At(node, KeyOf(name), "expected a single value, not a list or mapping"));
        return null;
    }

    private static string Fmt(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
