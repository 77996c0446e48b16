using System.Globalization;
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
        var experiment = Bind(new YamlSection(file, "", root));
        var canonical = CanonicalYaml.Write(experiment);
        return experiment with
        {
            ResolvedYaml = canonical,
            Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16],
            SourcePath = file,
        };
    }

    private static YamlMappingNode ReadRoot(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ConfigException(file, (int)e.Start.Line, "(syntax)", e.InnerException?.Message ?? e.Message);
        }
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
        var data = BindData(root.RequireSection("data"));
        var steps = BindSteps(root);
        var reportSection = root.Section("report");
        var report = new ReportSpec(reportSection?.String("dir") ?? $"reports/{name}");
        reportSection?.RejectUnknown();
        var evaluation = BindEvaluation(root.Section("evaluation"));
        var verify = BindVerify(root.Section("verify"));
        root.RejectUnknown();
        return new Experiment(name, seed, device, data, steps, report, evaluation, verify) { Deterministic = deterministic, Seeds = seeds, ResolvedYaml = "", Hash = "", SourcePath = "" };
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
        var (height, width) = ImageSize(data);
        var spec = new DataSpec(
            Root: data.String("root") ?? "data/isic",
            Train: data.String("train") ?? "Train",
            Test: data.String("test"),
            ImageHeight: height,
            ImageWidth: width,
            ValidationSplit: data.Double("validation_split", 0.2, 0, 1, exclusive: true),
            Stratify: data.Bool("stratify", true),
            OnBadImage: data.Choice("on_bad_image", BadImagePolicy.Fail),
            MaxPerClass: data.OptionalInt("max_per_class", 1, 1_000_000))
        {
            Audit = BindAudit(data.Section("audit")),
            Groups = GroupsBinder.Groups(data.Section("groups")),
        };
        spec = spec with { Validation = GroupsBinder.Validation(data.Section("validation"), spec.Groups, data) };
        data.RejectUnknown();
        return spec;
    }

    private static List<int> Seeds(YamlSection root)
    {
        var seq = root.Sequence("seeds");
        if (seq is null)
        {
            return [];
        }
        var values = seq.Children.Select(n => n is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 ? i : -1).ToList();
        if (values.Count < 2 || values.Contains(-1) || values.Distinct().Count() != values.Count)
        {
            throw root.Error("seeds", "expected a list of at least two different whole numbers, e.g. [1, 2, 3]");
        }
        return values;
    }

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
            section.Choice("leakage", LeakagePolicy.Warn));
        section.RejectUnknown();
        return spec;
    }

    private static (int Height, int Width) ImageSize(YamlSection data)
    {
        var seq = data.Sequence("image_size");
        if (seq is null)
        {
            return (180, 180);
        }
        var values = seq.Children.Select(n => n is YamlScalarNode { Value: { } v } && int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -1).ToArray();
        if (values.Length != 2 || values.Any(v => v is < 8 or > 1024))
        {
            throw data.Error("image_size", "expected [height, width], each a whole number from 8 to 1024");
        }
        return (values[0], values[1]);
    }

    private static List<StepSpec> BindSteps(YamlSection root)
    {
        var seq = root.Sequence("steps") ?? throw root.Error("steps", "required key is missing");
        if (seq.Children.Count == 0)
        {
            throw root.Error("steps", "at least one step is needed");
        }
        var steps = new List<StepSpec>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = root.Item(seq.Children[i], $"steps[{i}]");
            var name = Identifier(item, "name");
            if (steps.Any(s => s.Name == name))
            {
                throw item.Error("name", $"step name '{name}' is used twice");
            }
            steps.Add(new StepSpec(name, BindModel(item.RequireSection("model"), root.File), BindTrain(item.RequireSection("train")))
            {
                Augment = AugmentationBinder.Augment(item.Section("augment")),
                Rebalance = AugmentationBinder.Rebalance(item.Section("rebalance")),
                Preprocess = RemedyBinder.Preprocess(item.Section("preprocess")),
                Evaluate = RemedyBinder.Evaluate(item.Section("evaluate")),
            });
            item.RejectUnknown();
        }
        return steps;
    }

    private static ModelSpec BindModel(YamlSection model, string file)
    {
        var arch = model.RequireString("arch");
        if (!Models.ModelFactory.Architectures.Contains(arch))
        {
            throw model.Error("arch", $"unknown architecture '{arch}' (available: {string.Join(", ", Models.ModelFactory.Architectures)})");
        }
        var spec = new ModelSpec(arch, model.Double("dropout", 0, 0, 1, exclusive: false)) { BatchNorm = model.Bool("batch_norm", false) };
        spec = RemedyBinder.InitFrom(model, spec, file);
        if (spec.Dropout >= 1)
        {
            throw model.Error("dropout", "must be below 1");
        }
        model.RejectUnknown();
        return spec;
    }

    private static TrainSpec BindTrain(YamlSection train)
    {
        var spec = new TrainSpec(
            Epochs: train.Int("epochs", null, 1, 100_000),
            BatchSize: train.Int("batch_size", 32, 1, 65_536),
            Optimizer: train.String("optimizer") ?? "adam",
            LearningRate: train.Double("learning_rate", 0.001, 0, 10, exclusive: true))
        {
            BalancedClassWeights = RemedyBinder.ClassWeights(train),
            LabelSmoothing = train.Double("label_smoothing", 0, 0, 1, exclusive: false),
        };
        if (spec.LabelSmoothing >= 1)
        {
            throw train.Error("label_smoothing", "must be below 1");
        }
        if (spec.Optimizer is not ("adam" or "sgd"))
        {
            throw train.Error("optimizer", $"expected adam or sgd, got '{spec.Optimizer}'");
        }
        train.RejectUnknown();
        return spec;
    }

    private static string Identifier(YamlSection section, string key)
    {
        var value = section.RequireString(key);
        return IdentifierPattern().IsMatch(value)
            ? value
            : throw section.Error(key, $"'{value}' must be letters, digits, '-' or '_' (it names files and folders)");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex IdentifierPattern();
}
