using System.Text.Json.Serialization;

namespace MelanomaExp.Config;

/// <summary>A validated experiment: what <c>run</c> executes. Built only by <see cref="ExperimentLoader"/>.</summary>
public sealed record Experiment(
    string Name,
    int Seed,
    DeviceChoice Device,
    DataSpec Data,
    IReadOnlyList<StepSpec> Steps,
    ReportSpec Report,
    EvaluationSpec Evaluation,
    VerifySpec Verify)
{
    /// <summary>On CUDA: TF32 off (CPU runs are deterministic regardless). Default true.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary><c>seeds: [1, 2, 3]</c>: run once per seed and report mean, spread and confidence interval. Empty for a single run.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [];

    /// <summary>The experiment as resolved (overrides applied), in canonical YAML; what the report shows and the hash covers.</summary>
    public required string ResolvedYaml { get; init; }

    /// <summary>sha256 of <see cref="ResolvedYaml"/>, first 16 hex digits.</summary>
    public required string Hash { get; init; }

    /// <summary>The file it was read from, as given.</summary>
    public required string SourcePath { get; init; }
}

public enum DeviceChoice
{
    Auto,
    Cpu,
    Cuda,
}

public enum BadImagePolicy
{
    Fail,
    Skip,
}

public sealed record DataSpec(
    string Root,
    string Train,
    string? Test,
    int ImageHeight,
    int ImageWidth,
    double ValidationSplit,
    bool Stratify,
    BadImagePolicy OnBadImage,
    int? MaxPerClass)
{
    /// <summary>The image sides an experiment accepts (and a saved model card, which records them).</summary>
    public const int MinImageSide = 8;

    public const int MaxImageSide = 1024;

    public AuditSpec Audit { get; init; } = AuditSpec.Default;

    /// <summary><c>data.groups</c>: each image's group (collection, site); null when not given.</summary>
    /// <remarks>Left out of the step key's JSON when unset, so steps of experiments without groups keep their keys.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public GroupsSpec? Groups { get; init; }

    /// <summary><c>data.validation</c>: null for the random split (<c>validation_split</c>), else held-out groups.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValidationSpec? Validation { get; init; }

    public SplitMethod Split { get; init; } = SplitMethod.Seeded;
}

public sealed record StepSpec(string Name, ModelSpec Model, TrainSpec Train)
{
    public AugmentSpec? Augment { get; init; }

    public RebalanceSpec? Rebalance { get; init; }

    /// <summary><c>preprocess:</c> colour constancy and standardisation, applied to every image the model sees (a part of the saved model).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PreprocessSpec? Preprocess { get; init; }

    /// <summary><c>evaluate:</c> how the final model is evaluated (test-time augmentation).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvaluateSpec? Evaluate { get; init; }
}

public sealed record ModelSpec(string Arch, double Dropout)
{
    /// <summary>Batch normalisation after each convolution (before its ReLU).</summary>
    public bool BatchNorm { get; init; }

    /// <summary>
    /// The keys an architecture adds under <c>model:</c> (besides the common ones), as its <see cref="IArchitectureSchema.Bind"/>
    /// read them; null when it adds none. Part of the step key, so a changed setting trains again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object>? Options { get; init; }

    /// <summary>
    /// Files an architecture's own keys name (e.g. <c>model.file</c> of arch onnx), by key. Out of the step key as
    /// <see cref="InitFrom"/> is (paths differ between machines); the architecture puts their sha256 in <see cref="Options"/>.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, ModelFile>? Files { get; init; }

    /// <summary><c>init_from</c>: a TorchSharp weights file the model starts from instead of random weights (path as written).</summary>
    /// <remarks>Paths stay out of the step key (they differ between machines); <see cref="InitFromSha256"/> is in it.</remarks>
    [JsonIgnore]
    public string? InitFrom { get; init; }

    /// <summary><see cref="InitFrom"/> resolved against the experiment file's folder.</summary>
    [JsonIgnore]
    public string? InitFromPath { get; init; }

    /// <summary>sha256 of the <c>init_from</c> file, so the step key changes when the file does.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InitFromSha256 { get; init; }
}

/// <summary>A file a <c>model:</c> key names: as written (the resolved experiment) and resolved against the experiment file's folder.</summary>
public sealed record ModelFile(string Written, string Full);

public sealed record TrainSpec(int Epochs, int BatchSize, string Optimizer, double LearningRate)
{
    /// <summary><c>class_weights: balanced</c>: each class's loss weighted by n / (classes x n_class) of the training split.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool BalancedClassWeights { get; init; }

    /// <summary><c>label_smoothing</c>: the share of each target spread evenly over all classes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double LabelSmoothing { get; init; }

    /// <summary>
    /// <c>train.precision</c> when it is not fp32 (bf16, fp16), else null: left out of the step key's JSON
    /// when null, so steps that keep the default keep the keys (and reusable results) they had.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ReducedPrecision { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public string Precision => ReducedPrecision ?? Catalog.PrecisionNames.Fp32;

    /// <summary>
    /// Which epoch's weights the step keeps. Left out of the step key's JSON when it is the default, so
    /// steps trained before this option existed stay reusable.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public TrainKeep Keep { get; init; }

    /// <summary>
    /// <c>train.freeze</c>: null (none), <see cref="FreezeBackbone"/>, or a node of the backbone's graph, through which
    /// the parameters stay as loaded. Left out of the step key's JSON when null, as are the two below at their defaults.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Freeze { get; init; }

    /// <summary><c>train.backbone_learning_rate_scale</c> when not 1: the backbone learns at learning_rate times this.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? BackboneLearningRateScale { get; init; }

    /// <summary><c>train.batch_norm: frozen</c>: every batch normalisation of the backbone runs on its running statistics.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool FrozenBatchNorm { get; init; }

    /// <summary>The <c>train.freeze</c> value that fixes the whole backbone: only the new head learns.</summary>
    public const string FreezeBackbone = "backbone";

    /// <summary>Whether any of the three settings above asks something of a pretrained backbone.</summary>
    [JsonIgnore]
    public bool TouchesBackbone => Freeze is not null || BackboneLearningRateScale is not null || FrozenBatchNorm;
}

/// <summary><c>train.keep</c>: the last epoch's weights (the study), or those of the epoch with the lowest validation loss (Keras' ModelCheckpoint(save_best_only)).</summary>
public enum TrainKeep
{
    Last,
    Best,
}

public sealed record ReportSpec(string Dir);

/// <summary>
/// <paramref name="PositiveClass"/> is scored against the rest (sensitivity, specificity, ROC). The
/// default, melanoma, is skipped quietly when the data has no such class; a named one must exist.
/// </summary>
public sealed record EvaluationSpec(string PositiveClass, bool PositiveClassGiven, int BootstrapResamples);

/// <summary>How far a reproduced metric may differ from the committed one (absolute) and still count as reproduced.</summary>
public sealed record VerifySpec(double AccuracyTolerance, double LossTolerance);
