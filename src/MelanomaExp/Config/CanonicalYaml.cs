using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MelanomaExp.Config;

/// <summary>
/// The resolved experiment written back as YAML with every default filled in: what the report shows
/// and what the experiment hash covers. <c>data.root</c> is left out of it on purpose: where the
/// images sit on a machine is not part of the experiment (the data fingerprint is).
/// </summary>
internal static class CanonicalYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
        .Build();

    public static string Write(Experiment e)
    {
        var doc = new Dictionary<string, object?>
        {
            ["name"] = e.Name,
            ["seed"] = e.Seed,
            ["seeds"] = e.Seeds.Count == 0 ? null : e.Seeds.ToArray(),
            ["device"] = e.Device.ToString().ToLowerInvariant(),
            ["deterministic"] = e.Deterministic,
            ["data"] = new Dictionary<string, object?>
            {
                ["train"] = e.Data.Train,
                ["test"] = e.Data.Test,
                ["image_size"] = new[] { e.Data.ImageHeight, e.Data.ImageWidth },
                ["validation_split"] = e.Data.ValidationSplit,
                ["stratify"] = e.Data.Stratify,
                ["split"] = e.Data.Split == SplitMethod.Keras ? "keras" : null,
                ["on_bad_image"] = e.Data.OnBadImage.ToString().ToLowerInvariant(),
                ["max_per_class"] = e.Data.MaxPerClass,
                ["audit"] = new Dictionary<string, object?>
                {
                    ["duplicates"] = e.Data.Audit.Duplicates.ToString().ToLowerInvariant(),
                    ["conflicts"] = e.Data.Audit.Conflicts.ToString().ToLowerInvariant(),
                    ["near_duplicate_threshold"] = e.Data.Audit.NearDuplicateThreshold,
                    ["leakage"] = e.Data.Audit.Leakage.ToString().ToLowerInvariant(),
                    // Written only when not the default, so the hashes of experiments from before the option are unchanged.
                    ["test_copies"] = e.Data.Audit.TestCopies == TestCopyPolicy.Exclude ? "exclude" : null,
                },
                ["groups"] = e.Data.Groups is not { } g ? null : new Dictionary<string, object?>
                {
                    ["pattern"] = g.Pattern,
                    ["csv"] = g.Csv,
                    ["file_column"] = g.Csv is null ? null : g.FileColumn,
                    ["column"] = g.Csv is null ? null : g.Column,
                },
                ["validation"] = e.Data.Validation is not { } v ? null : new Dictionary<string, object?>
                {
                    ["by"] = v.ByName,
                    ["hold_out"] = v.HoldOut.Count == 0 ? null : v.HoldOut.ToArray(),
                    ["pattern"] = v.Pattern,
                },
            },
            ["steps"] = e.Steps.Select(StepMap).ToList(),
            ["evaluation"] = new Dictionary<string, object?>
            {
                // Left out when defaulted: a defaulted class may be absent from the data, a named one may not.
                ["positive_class"] = e.Evaluation.PositiveClassGiven ? e.Evaluation.PositiveClass : null,
                ["bootstrap"] = e.Evaluation.BootstrapResamples,
            },
            ["verify"] = new Dictionary<string, object?>
            {
                ["tolerance"] = new Dictionary<string, object?> { ["accuracy"] = e.Verify.AccuracyTolerance, ["loss"] = e.Verify.LossTolerance },
            },
            ["report"] = new Dictionary<string, object?> { ["dir"] = e.Report.Dir },
        };
        return Serializer.Serialize(WithoutNulls(doc));
    }

    /// <summary>One step's settings in canonical form, unset keys left out: what the resolved YAML and the step comparisons show.</summary>
    internal static Dictionary<string, object?> Step(StepSpec s) => WithoutNulls(StepMap(s));

    private static Dictionary<string, object?> StepMap(StepSpec s) => new()
    {
        ["name"] = s.Name,
        ["model"] = Model(s.Model),
        ["preprocess"] = s.Preprocess is not { } pre ? null : new Dictionary<string, object?>
        {
            ["colour_constancy"] = pre.ColourConstancy,
            ["standardize"] = pre.Standardize,
        },
        ["evaluate"] = s.Evaluate is not { } ev ? null : new Dictionary<string, object?> { ["tta"] = ev.FlipTta ? "flips" : "none" },
        ["augment"] = s.Augment is not { } a ? null : new Dictionary<string, object?>
        {
            ["flip"] = a.Flip switch { FlipMode.Horizontal => "horizontal", FlipMode.Vertical => "vertical", FlipMode.HorizontalAndVertical => "horizontal_and_vertical", _ => "none" },
            ["rotation"] = a.Rotation,
            ["zoom"] = a.Zoom,
            ["translation"] = a.Translation,
            ["brightness"] = a.Brightness,
            ["contrast"] = a.Contrast,
            ["fill_mode"] = a.Fill.ToString().ToLowerInvariant(),
            ["hue"] = a.Hue > 0 ? a.Hue : null,
            ["saturation"] = a.Saturation > 0 ? a.Saturation : null,
            ["crop_scale"] = a.CropScale > 0 ? a.CropScale : null,
        },
        ["rebalance"] = s.Rebalance is not { } r ? null : new Dictionary<string, object?>
        {
            ["samples_per_class"] = r.SamplesPerClass,
            ["target_per_class"] = r.TargetPerClass,
            ["scope"] = r.Scope == RebalanceScope.SourceFolder ? "source-folder" : "train-split",
            ["output"] = r.Output == RebalanceOutput.Augmentor ? "augmentor" : null,
            ["pipeline"] = r.Pipeline.Select(op => new Dictionary<string, object?>
            {
                [op.Op] = new Dictionary<string, object?>(op.Parameters.Select(kv => KeyValuePair.Create(kv.Key, (object?)kv.Value)))
                {
                    ["probability"] = op.Probability,
                },
            }).ToList(),
        },
        ["train"] = new Dictionary<string, object?>
        {
            ["epochs"] = s.Train.Epochs,
            ["batch_size"] = s.Train.BatchSize,
            ["optimizer"] = s.Train.Optimizer,
            ["learning_rate"] = s.Train.LearningRate,
            ["class_weights"] = s.Train.BalancedClassWeights ? "balanced" : null,
            ["label_smoothing"] = s.Train.LabelSmoothing > 0 ? s.Train.LabelSmoothing : null,
            // Left out when fp32, so the hash of every experiment that keeps the default is unchanged.
            ["precision"] = s.Train.ReducedPrecision,
            // Written only when not the default, so the hashes of experiments from before the option are unchanged.
            ["keep"] = s.Train.Keep == TrainKeep.Best ? "best" : null,
            ["freeze"] = s.Train.Freeze,
            ["backbone_learning_rate_scale"] = s.Train.BackboneLearningRateScale,
            ["batch_norm"] = s.Train.FrozenBatchNorm ? "frozen" : null,
        },
    };

    /// <summary>The common keys, then the architecture's own (an unknown one has none: the loader refused it already).</summary>
    private static Dictionary<string, object?> Model(ModelSpec model)
    {
        var map = new Dictionary<string, object?> { ["arch"] = model.Arch, ["dropout"] = model.Dropout };
        foreach (var (key, value) in ArchitectureCatalog.Find(model.Arch)?.Canonical(model) ?? [])
        {
            map[key] = value;
        }
        map["init_from"] = model.InitFrom;
        map["init_from_sha256"] = model.InitFromSha256;
        return map;
    }

    /// <summary>Unset optional keys are left out rather than written as empty values.</summary>
    private static Dictionary<string, object?> WithoutNulls(Dictionary<string, object?> map) => map
        .Where(kv => kv.Value is not null)
        .ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            Dictionary<string, object?> inner => WithoutNulls(inner),
            List<Dictionary<string, object?>> list => list.Select(WithoutNulls).ToList(),
            var other => other,
        });
}
