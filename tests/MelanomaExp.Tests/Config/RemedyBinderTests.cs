using MelanomaExp.Config;

namespace MelanomaExp.Tests.Config;

public class RemedyBinderTests
{
    private const string Yaml = """
        name: r
        seed: 1
        data: { train: Train }
        steps:
          - name: all
            model: { arch: resnet-small }
            preprocess: { colour_constancy: 6, standardize: true }
            augment: { flip: horizontal, hue: 0.05, saturation: 0.3, crop_scale: 0.6 }
            train: { epochs: 1, class_weights: balanced, label_smoothing: 0.1 }
            evaluate: { tta: flips }
          - name: none
            model: { arch: seed-cnn }
            train: { epochs: 1 }
        """;

    [Fact]
    public void Reads_every_remedy_and_writes_it_in_the_resolved_yaml()
    {
        var e = ExperimentLoader.Parse(Yaml, "r.yaml");
        var s = e.Steps[0];
        Assert.Equal(new PreprocessSpec(6, true), s.Preprocess);
        Assert.Equal((0.05, 0.3, 0.6), (s.Augment!.Hue, s.Augment.Saturation, s.Augment.CropScale));
        Assert.True(s.Train.BalancedClassWeights);
        Assert.Equal(0.1, s.Train.LabelSmoothing);
        Assert.True(s.Evaluate!.FlipTta);
        foreach (var key in new[] { "colour_constancy: 6", "standardize: true", "hue: 0.05", "crop_scale: 0.6", "class_weights: balanced", "label_smoothing: 0.1", "tta: flips" })
        {
            Assert.Contains(key, e.ResolvedYaml, StringComparison.Ordinal);
        }
        Assert.Null(e.Steps[1].Preprocess);
        Assert.False(e.Steps[1].Train.BalancedClassWeights);
    }

    [Fact]
    public void Each_remedy_changes_the_step_key_and_a_plain_step_keeps_the_key_it_had()
    {
        var print = new MelanomaExp.Provenance.DatasetFingerprint("h", 1, new Dictionary<string, int>());
        var e = ExperimentLoader.Parse(Yaml, "r.yaml");
        var baseKey = MelanomaExp.Running.StepKey.For(e, e.Steps[0], print, "cpu/cpu");
        foreach (var set in new[] { "steps.all.preprocess.colour_constancy=2", "steps.all.augment.hue=0.1", "steps.all.train.label_smoothing=0.2", "steps.all.evaluate.tta=none", "steps.all.train.class_weights=none" })
        {
            var changed = ExperimentLoader.Parse(Yaml, "r.yaml", [set]);
            Assert.NotEqual(baseKey, MelanomaExp.Running.StepKey.For(changed, changed.Steps[0], print, "cpu/cpu"));
        }
        // No remedy key appears in the JSON a plain step's key is computed from.
        var json = System.Text.Json.JsonSerializer.Serialize(e.Steps[1]);
        Assert.DoesNotContain("Preprocess", json, StringComparison.Ordinal);
        Assert.DoesNotContain("LabelSmoothing", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("steps.all.preprocess.colour_constancy=0.5", "steps[0].preprocess.colour_constancy")]
    [InlineData("steps.all.evaluate.tta=rotations", "steps[0].evaluate.tta")]
    [InlineData("steps.all.train.class_weights=inverse", "steps[0].train.class_weights")]
    [InlineData("steps.all.train.label_smoothing=1", "steps[0].train.label_smoothing")]
    [InlineData("steps.all.augment.hue=0.7", "steps[0].augment.hue")]
    [InlineData("steps.all.model.arch=resnet-huge", "steps[0].model.arch")]
    public void Bad_values_name_their_key(string set, string key)
    {
        var e = Assert.Throws<ConfigException>(() => ExperimentLoader.Parse(Yaml, "r.yaml", [set]));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }
}
