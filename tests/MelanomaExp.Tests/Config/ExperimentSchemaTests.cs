using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using MelanomaExp.Config;
using MelanomaExp.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Tests.Config;

public class ExperimentSchemaTests
{
    private const string SchemaLine = "# yaml-language-server: $schema=experiment.schema.json";

    private static readonly string[] Shipped = Directory.GetFiles(Path.Combine(RepoPaths.Root, "experiments"), "*.yaml").Order(StringComparer.Ordinal).ToArray();

    private static readonly JsonSchema Schema = JsonSchema.FromText(ExperimentSchema.Json());

    private const string Valid = """
        name: base
        seed: 123
        data:
          train: Train
          image_size: [64, 64]
        steps:
          - name: base
            model: { arch: seed-cnn }
            train: { epochs: 2 }
            augment: { flip: horizontal, rotation: 0.2 }
            rebalance:
              samples_per_class: 5
              pipeline:
                - rotate: { probability: 0.7, max_left: 10, max_right: 10 }
                - flip_left_right:
        """;

    [Fact]
    public void Committed_schema_is_the_generated_one()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "experiments", "experiment.schema.json"));
        Assert.True(committed == ExperimentSchema.Json(), "experiments/experiment.schema.json is stale: run 'dotnet melanoma-exp schema > experiments/experiment.schema.json'");
    }

    [Fact]
    public void Schema_command_prints_the_committed_schema()
    {
        var (code, stdout, err) = MelanomaExp.Tests.Fixtures.CliRunner.RunCli("schema");
        Assert.True(code == 0, err);
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "experiments", "experiment.schema.json")), stdout);
    }

    [Fact]
    public void Every_key_the_loader_reads_is_in_the_schema_with_a_description()
    {
        var keys = ExperimentLoader.DescribeKeys();
        Assert.Contains(keys, k => k.Path == "steps[].train.epochs" && k.Required && k.Min == 1);
        Assert.Contains(keys, k => k.Path == "steps[].rebalance.pipeline[].rotate.max_left");
        var undescribed = keys.Where(k => KeyDescriptions.For(k.Path) is null).Select(k => k.Path).ToList();
        Assert.True(undescribed.Count == 0, "add to KeyDescriptions: " + string.Join(", ", undescribed));
    }

    [Fact]
    public void Every_shipped_experiment_points_at_the_schema_and_validates_against_it()
    {
        Assert.Contains(Shipped, f => f.EndsWith("final.yaml", StringComparison.Ordinal));
        foreach (var file in Shipped)
        {
            var text = File.ReadAllText(file);
            Assert.True(text.StartsWith(SchemaLine, StringComparison.Ordinal), $"{file}: first line must be '{SchemaLine}'");
            var result = Validate(text);
            Assert.True(result.IsValid, $"{file}: {Errors(result)}");
            ExperimentLoader.Parse(text, file);
        }
    }

    [Fact]
    public void The_example_is_valid_for_both()
    {
        ExperimentLoader.Parse(Valid, "x.yaml");
        Assert.True(Validate(Valid).IsValid, Errors(Validate(Valid)));
    }

    [Theory]
    [InlineData("seed: 123", "sed_typo: 123")]
    [InlineData("seed: 123", "seed: -1")]
    [InlineData("seed: 123", "seed: 123\ndevice: tpu")]
    [InlineData("epochs: 2", "epochs: 0")]
    [InlineData("epochs: 2", "epochs: two")]
    [InlineData("train: { epochs: 2 }", "train: { batch_size: 2 }")]
    [InlineData("arch: seed-cnn", "arch: resnet")]
    [InlineData("image_size: [64, 64]", "image_size: [64]")]
    [InlineData("image_size: [64, 64]", "image_size: [4, 64]")]
    [InlineData("train: Train", "train: Train\n  validation_split: 1.5")]
    [InlineData("rotation: 0.2", "rotation: 2")]
    [InlineData("flip: horizontal", "flip: sideways")]
    [InlineData("- flip_left_right:", "- twirl:")]
    [InlineData("max_right: 10 }", "max_right: 40 }")]
    [InlineData("max_left: 10, ", "")]
    [InlineData("- flip_left_right:", "- { flip_left_right: , rotate90: }")]
    public void Schema_rejects_what_the_loader_rejects(string from, string to)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(yaml, "x.yaml"));
        Assert.False(Validate(yaml).IsValid, yaml);
    }

    private static EvaluationResults Validate(string yaml) =>
        Schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>YAML to JSON as an editor's YAML language server reads it (YAML 1.2 core schema: plain scalars may be numbers, booleans or null).</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: var v } => Plain(v),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    private static JsonValue? Plain(string? v)
    {
        if (v is null or "" or "~" or "null")
        {
            return null;
        }
        if (v is "true" or "false")
        {
            return JsonValue.Create(v == "true");
        }
        if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(v);
    }
}
