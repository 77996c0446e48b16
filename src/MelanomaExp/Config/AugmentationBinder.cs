using MelanomaExp.Config.Catalog;
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
        var flip = section.StringChoice("flip", "none", "horizontal", "vertical", "horizontal_and_vertical", "none") switch
        {
            "horizontal" => FlipMode.Horizontal,
            "vertical" => FlipMode.Vertical,
            "horizontal_and_vertical" => FlipMode.HorizontalAndVertical,
            _ => FlipMode.None,
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
        if ((samples is null) == (target is null) && !section.Describing)
        {
            section.Report("samples_per_class", "give exactly one of samples_per_class and target_per_class");
        }
        var scope = section.StringChoice("scope", "train-split", "train-split", "source-folder") == "source-folder"
            ? RebalanceScope.SourceFolder
            : RebalanceScope.TrainSplit;
        var pipeline = section.Sequence("pipeline");
        var ops = new List<AugmentorOpSpec>();
        if (section.Describing)
        {
            DescribeOps(section);
        }
        else if (pipeline is null)
        {
            section.Report("pipeline", "required key is missing");
        }
        else
        {
            for (var i = 0; i < pipeline.Children.Count; i++)
            {
                if (Op(section, pipeline.Children[i], section.KeyOf($"pipeline[{i}]")) is { } op)
                {
                    ops.Add(op);
                }
            }
        }
        var output = section.Choice("output", RebalanceOutput.Lossless);
        section.RejectUnknown();
        return new RebalanceSpec(samples, target, scope, ops) { Output = output };
    }

    /// <summary>For the schema: a pipeline item holds one operation, any of them.</summary>
    private static void DescribeOps(YamlSection section)
    {
        section.RecordSingleKeyItems("pipeline");
        var item = section.Nested(section.KeyOf("pipeline[0]"), new YamlMappingNode());
        foreach (var name in AugmentorOpCatalog.Names)
        {
            Parameters(item, new YamlMappingNode(), name, AugmentorOpCatalog.Parameters(name)!);
        }
    }

    private static AugmentorOpSpec? Op(YamlSection parent, YamlNode node, string path)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } map || map.Children.First().Key is not YamlScalarNode { Value: { } name })
        {
            parent.Report(parent.At(node, path, "expected one operation, like '- rotate: { probability: 0.7, max_left: 10, max_right: 10 }'"));
            return null;
        }
        if (AugmentorOpCatalog.Parameters(name) is not { } known)
        {
            parent.Report(parent.At(node, path, $"unknown operation '{ConfigException.Shown(name)}' (available: {string.Join(", ", AugmentorOpCatalog.Names)})"));
            return null;
        }
        return Parameters(parent.Nested(path, map), node, name, known);
    }

    /// <summary>An operation's parameters; the operation may be written without any (<c>- flip_left_right:</c>) when none is required.</summary>
    private static AugmentorOpSpec Parameters(YamlSection item, YamlNode node, string name, IReadOnlyList<OpParameter> known)
    {
        var args = item.Section(name);
        var probability = args?.Double("probability", 1, 0, 1, exclusive: false) ?? 1;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in known)
        {
            if (args is not null)
            {
                values[p.Name] = args.Double(p.Name, p.Default, p.Min, p.Max, exclusive: false);
            }
            else if (p.Default is { } value)
            {
                values[p.Name] = value;
            }
            else
            {
                item.Report(item.At(node, $"{item.KeyOf(name)}.{p.Name}", "required key is missing"));
            }
        }
        args?.RejectUnknown();
        return new AugmentorOpSpec(name, probability, values);
    }
}
