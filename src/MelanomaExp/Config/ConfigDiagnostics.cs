using System.Text.RegularExpressions;

namespace MelanomaExp.Config;

/// <summary>
/// Shared by every <see cref="YamlSection"/> of one load: collects the problems found (so one pass
/// reports them all) and, when describing, the keys read (for the JSON Schema).
/// </summary>
internal sealed partial class ConfigDiagnostics
{
    /// <summary>Enough to fix a file in one go; past it, the rest are counted, not listed.</summary>
    public const int Limit = 20;

    private readonly List<(ConfigException Error, bool Unknown)> _errors = [];
    private readonly Dictionary<string, KeyInfo>? _keys;

    private ConfigDiagnostics(bool describing, bool muted)
    {
        Describing = describing;
        Muted = muted;
        _keys = describing ? new(StringComparer.Ordinal) : null;
    }

    public static ConfigDiagnostics ForLoading() => new(describing: false, muted: false);

    public static ConfigDiagnostics ForDescribing() => new(describing: true, muted: true);

    /// <summary>Walks every section with no document behind it: sections and lists exist, values take their defaults.</summary>
    public bool Describing { get; }

    /// <summary>Problems are dropped: a stand-in for a missing section must not add follow-on errors.</summary>
    public bool Muted { get; }

    public IReadOnlyCollection<KeyInfo> Keys => _keys?.Values ?? (IReadOnlyCollection<KeyInfo>)[];

    public ConfigDiagnostics Mute() => Muted ? this : new(Describing, muted: true);

    public void Add(ConfigException error, bool unknownKey = false)
    {
        if (!Muted && !_errors.Any(e => e.Error.Message == error.Message))
        {
            _errors.Add((error, unknownKey));
        }
    }

    public void Record(string path, KeyInfo info)
    {
        if (_keys is not null)
        {
            var key = ListIndex().Replace(path, "[]");
            _keys[key] = _keys.TryGetValue(key, out var seen) && seen.Required && !info.Required ? info with { Path = key, Required = true } : info with { Path = key };
        }
    }

    /// <summary>Throws every problem found, unknown keys first (a typo explains a "missing" key reported after it), then in file order.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
        {
            return;
        }
        var ordered = _errors
            .OrderBy(e => e.Unknown ? 0 : 1)
            .ThenBy(e => e.Error.Line <= 0 ? int.MaxValue : e.Error.Line)
            .Select(e => e.Error)
            .ToList();
        throw ordered.Count == 1 ? ordered[0] : new ConfigException(ordered, Limit);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();
}
