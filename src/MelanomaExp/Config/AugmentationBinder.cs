using MelanomaExp.Augmentation.Offline;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>Reads a step's <c>augment:</c> and <c>rebalance:</c> sections.</summary>
internal static class AugmentationBinder
{
    public static AugmentSpec? Augment(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }
        var flip = section.String("flip") switch
        {
            null or "none" => FlipMode.None,
            "horizontal" => FlipMode.Horizontal,
            "vertical" => FlipMode.Vertical,
            "horizontal_and_vertical" => FlipMode.HorizontalAndVertical,
            var other => throw section.Error("flip", $"expected horizontal, vertical, horizontal_and_vertical or none, got '{other}'"),
        };
        var spec = new AugmentSpec(
            flip,
            section.Double("rotation", 0, 0, 1, exclusive: false),
            section.Double("zoom", 0, 0, 0.9, exclusive: false),
            section.Double("translation", 0, 0, 0.9, exclusive: false),
            section.Double("brightness", 0, 0, 1, exclusive: false),
            section.Double("contrast", 0, 0, 1, exclusive: false),
            section.Choice("fill_mode", FillMode.Reflect))
        {
            Hue = section.Double("hue", 0, 0, 0.5, exclusive: false),
            Saturation = section.Double("saturation", 0, 0, 1, exclusive: false),
            CropScale = section.Double("crop_scale", 0, 0, 1, exclusive: false),
        };
        section.RejectUnknown();
        return spec;
    }

    public static RebalanceSpec? Rebalance(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }
        var samples = section.OptionalInt("samples_per_class", 1, 1_000_000);
        var target = section.OptionalInt("target_per_class", 1, 1_000_000);
        if ((samples is null) == (target is null))
        {
            throw section.Error("samples_per_class", "give exactly one of samples_per_class and target_per_class");
        }
        var scope = section.String("scope") switch
        {
            null or "train-split" => RebalanceScope.TrainSplit,
            "source-folder" => RebalanceScope.SourceFolder,
            var other => throw section.Error("scope", $"expected train-split or source-folder, got '{other}'"),
        };
        var pipeline = section.Sequence("pipeline") ?? throw section.Error("pipeline", "required key is missing");
        var ops = new List<AugmentorOpSpec>();
        for (var i = 0; i < pipeline.Children.Count; i++)
        {
            ops.Add(Op(section, pipeline.Children[i], section.KeyOf($"pipeline[{i}]")));
        }
        section.RejectUnknown();
        return new RebalanceSpec(samples, target, scope, ops);
    }

    private static AugmentorOpSpec Op(YamlSection parent, YamlNode node, string path)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map || map.Children.First().Key is not YamlScalarNode { Value: { } name })
        {
            throw new ConfigException(parent.File, (int)node.Start.Line, path, "expected one operation, like '- rotate: { probability: 0.7, max_left: 10, max_right: 10 }'");
        }
        var known = AugmentorOps.Parameters(name)
            ?? throw new ConfigException(parent.File, (int)node.Start.Line, path, $"unknown operation '{name}' (available: {string.Join(", ", AugmentorOps.Names)})");
        var args = map.Children.First().Value switch
        {
            YamlMappingNode m => new YamlSection(parent.File, $"{path}.{name}", m),
            YamlScalarNode { Value: null or "" or "~" } => null,
            var other => throw new ConfigException(parent.File, (int)other.Start.Line, $"{path}.{name}", "expected a mapping of parameters"),
        };
        var probability = args?.Double("probability", 1, 0, 1, exclusive: false) ?? 1;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in known)
        {
            values[p.Name] = args is not null
                ? args.Double(p.Name, p.Default, p.Min, p.Max, exclusive: false)
                : p.Default ?? throw new ConfigException(parent.File, (int)node.Start.Line, $"{path}.{name}.{p.Name}", "required key is missing");
        }
        args?.RejectUnknown();
        return new AugmentorOpSpec(name, probability, values);
    }
}
