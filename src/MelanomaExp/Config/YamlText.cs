using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>
/// The one way YAML text is read: nesting is measured first, with the streaming parser (which does not
/// recurse), because YamlDotNet builds its node tree recursively and 50,000 nested '[' overflow the stack
/// and kill the process (exit 134) before any error can be reported.
/// </summary>
internal static class YamlText
{
    /// <summary>Far deeper than any experiment file (they nest 4 or 5 levels), far shallower than the stack allows.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="yaml"/>; syntax errors and excessive nesting become a <see cref="ConfigException"/> naming <paramref name="source"/> and the line.</summary>
    public static YamlStream Load(string yaml, string source)
    {
        try
        {
            CheckDepth(yaml, source);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            // YamlDotNet places a tab where the scalar or mapping around it starts (line 1 for a tab on line 5): name the tab's own line.
            if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && TabIndentedLine(yaml, (int)e.Start.Line) is { } line)
            {
                throw new ConfigException(source, line, "(syntax)", "a tab in the indentation; YAML indents with spaces only");
            }
            throw new ConfigException(source, (int)e.Start.Line, "(syntax)", message);
        }
    }

    /// <summary>The first line from <paramref name="from"/> on (1-based) whose indentation holds a tab, or null.</summary>
    private static int? TabIndentedLine(string yaml, int from)
    {
        var lines = yaml.Split('\n');
        for (var i = Math.Max(0, from - 1); i < lines.Length; i++)
        {
            if (lines[i].TakeWhile(char.IsWhiteSpace).Contains('\t'))
            {
                return i + 1;
            }
        }
        return null;
    }

    private static void CheckDepth(string yaml, string source)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        throw new ConfigException(source, (int)parser.Current.Start.Line, "(document)", $"nested more than {MaxDepth} levels deep; an experiment file needs a handful");
                    }
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }
    }
}
