using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MelanomaExp.Config;

/// <summary>Reads an experiment file, applies <c>--set</c> overrides, and validates everything before any work starts.</summary>
public static partial class ExperimentLoader
{
    public static Experiment Load(string path, IEnumerable<string>? overrides = null)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: experiment file not found");
        }
        return Parse(File.ReadAllText(path), path, overrides);
    }

    public static Experiment Parse(string yaml, string file, IEnumerable<string>? overrides = null)
    {
        var root = ReadRoot(yaml, file);
        foreach (var assignment in overrides ?? [])
        {
            Overrides.Apply(root, assignment);
        }
        var diagnostics = ConfigDiagnostics.ForLoading();
        var experiment = Bind(new YamlSection(file, "", root, diagnostics));
        diagnostics.ThrowIfAny();
        var canonical = CanonicalYaml.Write(experiment);
        return experiment with
        {
            ResolvedYaml = canonical,
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16],
            SourcePath = file,
        };
    }

    /// <summary>Every key the binders read, with type, range and default: walked without a document, so it is the loader's own definition.</summary>
    public static IReadOnlyCollection<KeyInfo> DescribeKeys()
    {
        var diagnostics = ConfigDiagnostics.ForDescribing();
        Bind(new YamlSection("(schema)", "", new YamlMappingNode(), diagnostics));
        return diagnostics.Keys;
    }

    private static YamlMappingNode ReadRoot(string yaml, string file)
    {
        var stream = YamlText.Load(yaml, file);
        if (stream.Documents.Count == 0)
        {
            throw new ConfigException(file, 0, "(document)", "the file is empty");
        }
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ConfigException(file, (int)stream.Documents[0].RootNode.Start.Line, "(document)", "expected a mapping at the top level");
    }

    private static Experiment Bind(YamlSection root)
    {
        var name = Identifier(root, "name");
        var seeds = Seeds(root);
        var seed = root.Int("seed", seeds.Count > 0 ? seeds[0] : null, 0, int.MaxValue);
        var device = root.Choice("device", DeviceChoice.Auto);
        var deterministic = root.Bool("deterministic", true);
        var data = Guarded(root, () => BindData(root.RequireSection("data")));
        var steps = BindSteps(root);
        if (data is not null)
        {
            ImageSizeSupported(root, data, steps);
        }
        var reportSection = root.Section("report");
        var report = new ReportSpec(reportSection?.String("dir") ?? $"reports/{name}");
        reportSection?.RejectUnknown();
        var evaluation = Guarded(root, () => BindEvaluation(root.Section("evaluation")));
        var verify = Guarded(root, () => BindVerify(root.Section("verify")));
        // A sweep section describes many runs of this file; the sweep command reads it (Sweeps/SweepSpecReader), a single run leaves it aside.
        root.Section("sweep");
        root.RejectUnknown();
        return new Experiment(name, seed, device, data!, steps, report, evaluation!, verify!) { Deterministic = deterministic, Seeds = seeds, ResolvedYaml = "", Hash = "", SourcePath = "" };
    }

    /// <summary>Runs one part of the binding; a problem it throws is recorded so the other parts are still checked.</summary>
    private static T? Guarded<T>(YamlSection section, Func<T> bind)
    {
        try
        {
            return bind();
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Problems)
            {
                section.Report(problem);
            }
            return default;
        }
    }

    /// <summary>Defaults: CPU reruns are bit-identical, so these only absorb other hardware's float differences.</summary>
    private static VerifySpec BindVerify(YamlSection? section)
    {
        var tolerance = section?.Section("tolerance");
        var spec = new VerifySpec(
            tolerance?.Double("accuracy", 0.02, 0, 1, exclusive: false) ?? 0.02,
            tolerance?.Double("loss", 0.05, 0, 100, exclusive: false) ?? 0.05);
        tolerance?.RejectUnknown();
        section?.RejectUnknown();
        return spec;
    }

    private static EvaluationSpec BindEvaluation(YamlSection? section)
    {
        if (section is null)
        {
            return new EvaluationSpec("melanoma", false, 1000);
        }
        var positive = section.String("positive_class");
        var spec = new EvaluationSpec(positive ?? "melanoma", positive is not null, section.Int("bootstrap", 1000, 0, 100_000));
        section.RejectUnknown();
        return spec;
    }

    private static DataSpec BindData(YamlSection data)
    {
        var size = data.IntList("image_size", DataSpec.MinImageSide, DataSpec.MaxImageSide, 2, 2, distinct: false, $"[height, width], each a whole number from {DataSpec.MinImageSide} to {DataSpec.MaxImageSide}") ?? [180, 180];
        var spec = new DataSpec(
            Root: data.String("root") ?? "data/isic",
            Train: data.String("train") ?? "Train",
            Test: data.String("test"),
            ImageHeight: size[0],
            ImageWidth: size[1],
            ValidationSplit: data.Double("validation_split", 0.2, 0, 1, exclusive: true),
            Stratify: data.Bool("stratify", true),
            OnBadImage: data.Choice("on_bad_image", BadImagePolicy.Fail),
            MaxPerClass: data.OptionalInt("max_per_class", 1, 1_000_000))
        {
            Audit = Guarded(data, () => BindAudit(data.Section("audit"))) ?? AuditSpec.Default,
            Split = data.Choice("split", SplitMethod.Seeded),
            Groups = GroupsBinder.Groups(data.Section("groups")),
        };
        spec = spec with { Validation = GroupsBinder.Validation(data.Section("validation"), spec.Groups, data) };
        if (spec.Split == SplitMethod.Keras)
        {
            // Keras' split is one unstratified shuffle of the whole list: no other option can apply to it.
            if (data.Has("stratify") && spec.Stratify)
            {
                data.Report("stratify", "split: keras is never stratified (Keras shuffles the whole list); remove stratify or set it to false");
            }
            if (spec.Audit.Leakage == LeakagePolicy.Group)
            {
                data.Report("split", "split: keras cannot keep duplicate groups together (audit.leakage: group); use leakage: warn or fail, or split: seeded");
            }
        }
        data.RejectUnknown();
        return spec;
    }

    private static List<int> Seeds(YamlSection root) =>
        root.IntList("seeds", 0, int.MaxValue, 2, 1000, distinct: true, "a list of at least two different whole numbers, e.g. [1, 2, 3]")?.ToList() ?? [];

    private static AuditSpec BindAudit(YamlSection? section)
    {
        if (section is null)
        {
            return AuditSpec.Default;
        }
        var spec = new AuditSpec(
            section.Choice("duplicates", DuplicatePolicy.Keep),
            section.Choice("conflicts", ConflictPolicy.Keep),
            section.Int("near_duplicate_threshold", AuditSpec.Default.NearDuplicateThreshold, 0, 32),
            section.Choice("leakage", LeakagePolicy.Warn))
        {
            TestCopies = section.Choice("test_copies", TestCopyPolicy.Keep),
        };
        section.RejectUnknown();
        return spec;
    }

    private static List<StepSpec> BindSteps(YamlSection root)
    {
        var steps = new List<StepSpec>();
        var seq = root.Sequence("steps");
        if (seq is null)
        {
            root.Report(root.Error("steps", "required key is missing"));
            return steps;
        }
        if (seq.Children.Count == 0)
        {
            root.Report("steps", "at least one step is needed");
        }
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = root.Item(seq.Children[i], $"steps[{i}]");
            var step = Guarded(item, () => BindStep(item, steps));
            if (step is not null)
            {
                steps.Add(step);
            }
        }
        return steps;
    }

    private static StepSpec BindStep(YamlSection item, List<StepSpec> earlier)
    {
        var name = Identifier(item, "name");
        if (earlier.Any(s => s.Name == name))
        {
            item.Report("name", $"step name '{name}' is used twice");
        }
        var model = Guarded(item, () => BindModel(item.RequireSection("model"), item.File));
        var train = Guarded(item, () => BindTrain(item.RequireSection("train")));
        var step = new StepSpec(name, model!, train!)
        {
            Augment = Guarded(item, () => AugmentationBinder.Augment(item.Section("augment"))),
            Rebalance = Guarded(item, () => AugmentationBinder.Rebalance(item.Section("rebalance"))),
            Preprocess = Guarded(item, () => RemedyBinder.Preprocess(item.Section("preprocess"))),
            Evaluate = Guarded(item, () => RemedyBinder.Evaluate(item.Section("evaluate"))),
        };
        Supported(item, step);
        item.RejectUnknown();
        return step;
    }

    /// <summary>What the step asks of its architecture, checked here so it fails before any data is read.</summary>
    private static void Supported(YamlSection item, StepSpec step)
    {
        if (step.Model is null || step.Train is null || ArchitectureCatalog.Find(step.Model.Arch) is not { } architecture)
        {
            return;
        }
        if (!architecture.Precisions.Contains(step.Train.Precision))
        {
            item.Section("train")?.Report("precision", $"{step.Train.Precision} is not implemented for {architecture.Name} (it trains in {string.Join(", ", architecture.Precisions)})");
        }
        else if (step.Train.ReducedPrecision is not null && step.Preprocess is not null)
        {
            // Mixed precision is set on the bare network, and preprocess: wraps it.
            item.Section("train")?.Report("precision", $"{step.Train.Precision} with preprocess: is not implemented (mixed precision runs the bare network); use fp32 or drop preprocess:");
        }
        if (step.Preprocess is not null && !architecture.SupportsPreprocess)
        {
            item.Report("preprocess", $"{architecture.Name} takes no preprocess:");
        }
        else if (step.Preprocess is { Standardize: true } && !architecture.SupportsStandardize)
        {
            // Standardised input has lost the scale the pretrained weights were trained on; colour constancy keeps it.
            item.Section("preprocess")?.Report("standardize", $"{architecture.Name} applies its own input convention, which needs the pixels' 0..255 scale: drop preprocess.standardize (colour_constancy is fine)");
        }
        FineTuningSupported(item, step, architecture);
    }

    /// <summary>Every step's network can be built at the experiment's image size (reported on data.image_size, which all steps share).</summary>
    private static void ImageSizeSupported(YamlSection root, DataSpec data, List<StepSpec> steps)
    {
        foreach (var step in steps)
        {
            if (step.Model is not null && ArchitectureCatalog.Find(step.Model.Arch) is { } architecture
                && architecture.ImageSizeProblem(data.ImageHeight, data.ImageWidth) is { } problem)
            {
                root.Section("data")?.Report("image_size", $"step '{step.Name}': {architecture.Name} {problem}");
            }
        }
    }

    /// <summary>The fine-tuning keys need a pretrained backbone, and a frozen node must be one of its graph.</summary>
    private static void FineTuningSupported(YamlSection item, StepSpec step, IArchitectureSchema architecture)
    {
        var train = item.Section("train");
        if (train is null || !step.Train.TouchesBackbone)
        {
            return;
        }
        // The key a refusal names: the first of them the step sets.
        var key = step.Train.Freeze is not null ? "freeze" : step.Train.BackboneLearningRateScale is not null ? "backbone_learning_rate_scale" : "batch_norm";
        if (!architecture.HasPretrainedBackbone)
        {
            var withBackbone = ArchitectureCatalog.All.Where(a => a.HasPretrainedBackbone).Select(a => a.Name);
            train.Report(key, $"{architecture.Name} has no pretrained backbone (architectures with one: {string.Join(", ", withBackbone)})");
            return;
        }
        if (architecture.PretrainedFromInitFrom && step.Model.InitFrom is null)
        {
            train.Report(key, $"{architecture.Name} has pretrained weights only from model.init_from; without it the backbone is random (see docs/transfer-learning.md for exporting them from PyTorch)");
            return;
        }
        if (step.Train.Freeze is { } node && node != TrainSpec.FreezeBackbone)
        {
            var nodes = architecture.BackboneNodes(step.Model);
            // No nodes: the graph itself is missing, which its own key reports.
            if (nodes.Count > 0 && !nodes.Contains(node, StringComparer.Ordinal))
            {
                var hint = KeySuggestion.For(node, nodes) is { } near ? $"did you mean '{near}'?" : $"its {nodes.Count} nodes run from '{nodes[0]}' to '{nodes[^1]}'";
                train.Report("freeze", $"'{ConfigException.Shown(node)}' is neither none, backbone nor a node of {architecture.Name}'s backbone ({hint})");
            }
        }
    }

    private static ModelSpec BindModel(YamlSection model, string file)
    {
        var arch = model.StringChoice("arch", null, [.. ArchitectureCatalog.Names]);
        var spec = new ModelSpec(arch, model.Double("dropout", 0, 0, 1, exclusive: false));
        // The schema lists every architecture's keys; a real file has only its own read, so another's are unknown.
        foreach (var architecture in model.Describing ? ArchitectureCatalog.All : ArchitectureCatalog.Find(arch) is { } named ? [named] : [])
        {
            spec = architecture.Bind(model, spec);
        }
        spec = RemedyBinder.InitFrom(model, spec, file);
        if (spec.Dropout >= 1)
        {
            model.Report("dropout", "must be below 1");
        }
        model.RejectUnknown();
        return spec;
    }

    private static TrainSpec BindTrain(YamlSection train)
    {
        var spec = new TrainSpec(
            Epochs: train.Int("epochs", null, 1, 100_000),
            BatchSize: train.Int("batch_size", 32, 1, 65_536),
            Optimizer: train.StringChoice("optimizer", "adam", "adam", "adam-keras", "sgd"),
            LearningRate: train.Double("learning_rate", 0.001, 0, 10, exclusive: true))
        {
            BalancedClassWeights = RemedyBinder.ClassWeights(train),
            LabelSmoothing = train.Double("label_smoothing", 0, 0, 0.999, exclusive: false),
        };
        spec = spec with
        {
            Keep = train.Choice("keep", TrainKeep.Last),
        };
        var precision = train.StringChoice("precision", Catalog.PrecisionNames.Fp32, Catalog.PrecisionNames.All);
        spec = spec with { ReducedPrecision = precision == Catalog.PrecisionNames.Fp32 ? null : precision };
        spec = BindFineTuning(train, spec);
        train.RejectUnknown();
        return spec;
    }

    /// <summary><c>freeze</c>, <c>backbone_learning_rate_scale</c> and <c>batch_norm</c>: how a pretrained backbone trains.</summary>
    private static TrainSpec BindFineTuning(YamlSection train, TrainSpec spec)
    {
        var freeze = train.String("freeze");
        var scale = train.Double("backbone_learning_rate_scale", 1, 0, 100, exclusive: false);
        // One error per key: outside 0..100 the range check has said so already; with the backbone frozen any scale
        // is meaningless; otherwise 0 would be a frozen backbone by another name.
        var inRange = scale is >= 0 and <= 100;
        if (inRange && freeze == TrainSpec.FreezeBackbone && scale != 1)
        {
            train.Report("backbone_learning_rate_scale", "has nothing to scale: train.freeze: backbone fixes every backbone parameter");
        }
        else if (inRange && train.Has("backbone_learning_rate_scale") && scale == 0)
        {
            train.Report("backbone_learning_rate_scale", "must be above 0 (to keep the backbone fixed, use train.freeze: backbone)");
        }
        var batchNorm = train.StringChoice("batch_norm", "train", "train", "frozen");
        return spec with
        {
            Freeze = freeze is null or "none" ? null : freeze,
            BackboneLearningRateScale = scale == 1 ? null : scale,
            FrozenBatchNorm = batchNorm == "frozen",
        };
    }

    private static string Identifier(YamlSection section, string key)
    {
        var value = section.RequireString(key);
        // Told apart from a bad character: a long name of good letters called "must be letters, digits..." misleads.
        if (value.Length > MaxIdentifier && IdentifierPattern().IsMatch(value[..MaxIdentifier]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            section.Report(key, $"'{ConfigException.Shown(value)}' is too long: at most {MaxIdentifier} characters, it has {value.Length} (it names files and folders)");
        }
        else if (value.Length > 0 && !IdentifierPattern().IsMatch(value))
        {
            section.Report(key, $"'{ConfigException.Shown(value)}' must be letters, digits, '-' or '_' (it names files and folders)");
        }
        return value;
    }

    private const int MaxIdentifier = 64;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdentifierPattern();
}
