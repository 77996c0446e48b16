using MelanomaExp.Config;
using MelanomaExp.Evaluation;
using MelanomaExp.Provenance;
using MelanomaExp.Results;
using MelanomaExp.Training;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>A run result with fixed numbers and a fake environment, for golden-file tests of the report.</summary>
public static class FixedRun
{
    public static readonly EnvironmentInfo Environment = new(
        "0.1.0", ".NET 10.0.0", "Linux (test)", "Test CPU @ 1 GHz", 2, "0.107.0", 2, "cpu", "as shipped");

    /// <summary>The three validation images (melanoma, melanoma, nevus) as 8x8 tiles of grey levels 40, 120 and 200.</summary>
    public static MelanomaExp.Data.ImageStore ValidationStore(IReadOnlyList<string> classes) => new(
        classes, 8, 8, [.. new byte[] { 40, 120, 200 }.SelectMany(v => Enumerable.Repeat(v, 8 * 8 * 3))], [0, 0, 1], ["/data/Train/melanoma/ISIC_1.jpg", "/data/Train/melanoma/ISIC_2.jpg", "/data/Train/nevus/ISIC_3.jpg"], []);

    public static RunResult Create()
    {
        var experiment = ExperimentLoader.Parse(
            """
            name: fixed
            seed: 123
            device: cpu
            data:
              train: Train
              test: Test
              image_size: [8, 8]
              validation_split: 0.25
              audit: { duplicates: dedupe, conflicts: drop, leakage: group }
            steps:
              - name: base
                model: { arch: seed-cnn }
                train: { epochs: 2, batch_size: 4 }
            report: { dir: out/fixed }
            """,
            "experiments/fixed.yaml");
        var epochs = new List<EpochRecord>
        {
            new(1, 1.1, 0.40, 1.2, 0.35, 10.5, 30.25),
            new(2, 0.6, 0.875, 0.9, 0.5, 9.75, 32.5),
        };
        var dataset = new DatasetSummary(
            "/data/isic",
            ["melanoma", "nevus", "seborrheic keratosis"],
            [6, 3, 2],
            [2, 1, 0],
            [1, 1, 0],
            [new MelanomaExp.Data.BadImage("/data/isic/Train/nevus/bad.jpg", "empty file")],
            8,
            8,
            [new byte[8 * 8 * 3], Enumerable.Repeat((byte)200, 8 * 8 * 3).ToArray(), Enumerable.Repeat((byte)100, 8 * 8 * 3).ToArray()])
        {
            Audit = new MelanomaExp.Data.Audit.AuditSummary(
                new AuditSpec(DuplicatePolicy.Dedupe, ConflictPolicy.Drop, 2, LeakagePolicy.Group),
                14, 3, 1, 2, [("melanoma", "nevus", 2)], 1, 2, 4, 0, 1,
                [new MelanomaExp.Data.Audit.ExamplePair("melanoma x", "nevus (identical)", new byte[8 * 8 * 3], new byte[8 * 8 * 3])]),
        };
        var started = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var settings = new EvaluationSettings("melanoma", 200, 1);
        // Seborrheic keratosis has no validation or test image (as after the audit drops conflicts), and the first step predicts it once.
        string[] classes = ["melanoma", "nevus", "seborrheic keratosis"];
        var validation = Evaluate.Set("validation", classes, [0, 0, 1], [0, 2, 1], [[0.9f, 0.05f, 0.05f], [0.35f, 0.2f, 0.45f], [0.2f, 0.7f, 0.1f]], 0.9, settings);
        var test = Evaluate.Set("test", classes, [0, 1], [0, 0], [[0.7f, 0.2f, 0.1f], [0.6f, 0.3f, 0.1f]], 0.8, settings with { OperatingThreshold = validation.Positive!.YoudenThreshold });
        var second = experiment.Steps[0] with { Name = "dropout", Model = experiment.Steps[0].Model with { Dropout = 0.2 }, Train = experiment.Steps[0].Train with { Epochs = 3 } };
        var secondValidation = Evaluate.Set("validation", classes, [0, 0, 1], [0, 0, 1], [[0.9f, 0.05f, 0.05f], [0.6f, 0.3f, 0.1f], [0.2f, 0.7f, 0.1f]], 0.7, settings);
        return new RunResult(
            experiment,
            Environment,
            dataset,
            [
                new StepResult(experiment.Steps[0], epochs, 20.25, "models/base", validation, test)
                {
                    WeightsSha256 = new string('a', 64),
                    TrainEvaluation = new TrainEvaluation(0.55, 0.9, 9),
                    Mistakes = MistakeGallery.For(validation, ValidationStore(classes), [0, 1, 2], "melanoma"),
                },
                new StepResult(second, [.. epochs, new(3, 0.5, 0.9, 1.0, 0.5, 9.5, 33)], 30.5, "models/dropout", secondValidation, null)
                {
                    WeightsSha256 = new string('b', 64),
                    TrainEvaluation = new TrainEvaluation(0.45, 1, 9),
                    GradCams = [new MelanomaExp.Explaining.GradCamExample(
                        new ExampleImage(new byte[8 * 8 * 3], "ISIC_1.jpg", "melanoma", "melanoma", 0.9),
                        "melanoma",
                        new MelanomaExp.Explaining.Heatmap([.. Enumerable.Range(0, 64).Select(i => i / 63f)], 8, 8))],
                    Rebalance = new RebalanceSummary(RebalanceScope.SourceFolder, [8, 4, 2], [2, 6, 8], [8, 8, 8], [2, 2, 0], [new byte[8 * 8 * 3], null, null], "/cache", FromCache: true) { ValidationImagesWithCopyInTraining = 1 },
                },
            ],
            [new StepComparison("base", "dropout", "validation", 2 / 3.0, 1, McNemar.Test([0, 0, 1], [0, 2, 1], [0, 0, 1])) { Auc = AucComparison.Of(validation, secondValidation, 200, 7) }],
            started,
            started.AddSeconds(21))
        {
            Provenance = new RunProvenance(
                new GitInfo("0123456789abcdef0123456789abcdef01234567", Dirty: true),
                new DatasetFingerprint("00112233aabbccdd", 12, new Dictionary<string, int> { ["melanoma"] = 8, ["nevus"] = 4, ["seborrheic keratosis"] = 2 }),
                null,
                new SortedDictionary<string, string> { ["TorchSharp"] = "0.107.0", ["libtorch"] = "2.10.0" },
                [new StepTiming("base", started, started.AddSeconds(20), 20.25, null), new StepTiming("dropout", started, started.AddSeconds(30), 30.5, "resumed after epoch 1")],
                new DeterminismAudit("base", true, true, "aa", "aa")),
        };
    }

    /// <summary>
    /// <see cref="Create"/> with both steps validated on <paramref name="melanomas"/> melanomas and <paramref name="nevi"/>
    /// nevi (scores spread so that the second step ranks better), and their comparison made on those images.
    /// </summary>
    public static RunResult WithValidationOf(int melanomas, int nevi)
    {
        var run = Create();
        string[] classes = ["melanoma", "nevus", "seborrheic keratosis"];
        var settings = new EvaluationSettings("melanoma", 200, 1);
        int[] truth = [.. Enumerable.Repeat(0, melanomas), .. Enumerable.Repeat(1, nevi)];
        SetEvaluation Validation(float spread)
        {
            var probs = truth.Select((t, i) =>
            {
                var m = Math.Clamp((t == 0 ? 0.5f + spread : 0.5f - spread) + (i % 5 - 2) * 0.1f, 0.01f, 0.98f);
                return new[] { m, 0.99f - m, 0.01f };
            }).ToArray();
            var predicted = probs.Select(p => p[0] >= p[1] ? 0 : 1).ToArray();
            return Evaluate.Set("validation", classes, truth, predicted, probs, 0.9, settings);
        }
        var (first, second) = (Validation(0.05f), Validation(0.2f));
        int[] Predicted(SetEvaluation e) => [.. e.Predictions];
        return run with
        {
            Steps = [run.Steps[0] with { Validation = first }, run.Steps[1] with { Validation = second }],
            Comparisons = [new StepComparison("base", "dropout", "validation", first.Metrics.Accuracy, second.Metrics.Accuracy, McNemar.Test(truth, Predicted(first), Predicted(second))) { Auc = AucComparison.Of(first, second, 200, 7) }],
        };
    }
}
