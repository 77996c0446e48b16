using MelanomaExp.Config;
using MelanomaExp.Data.Audit;
using MelanomaExp.Data.Groups;
using MelanomaExp.Evaluation;
using MelanomaExp.Native;
using MelanomaExp.Provenance;
using MelanomaExp.Reporting;
using MelanomaExp.Results;
using MelanomaExp.Tests.Fixtures;
using MelanomaExp.Training;

namespace MelanomaExp.Tests.Results;

/// <summary>
/// The bytes of metrics.json, manifest.json and evaluate's metrics.json for runs that use every block of the format:
/// the golden files were written by the JsonObject writers the typed documents replaced, so they pin the format
/// where no committed report reaches (groups, train/test copies, a CUDA preflight, null and NaN figures, non-ASCII
/// text). One deliberate change since: validation's and test's ROC and precision-recall points are left to
/// predictions.csv (<c>compact</c>). Regenerate with <c>UPDATE_GOLDEN=1 dotnet test --filter ReportWriterGoldenTests</c> only for a deliberate
/// change of format, and review the diff.
/// </summary>
public class ReportWriterGoldenTests
{
    public static TheoryData<string> Runs() => ["fixed", "rich", "bare"];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Metrics_json_keeps_its_bytes(string name) => Golden($"{name}.metrics.json", MetricsJson.Render(Run(name)));

    [Theory]
    [MemberData(nameof(Runs))]
    public void Manifest_json_keeps_its_bytes(string name) => Golden($"{name}.manifest.json", ManifestJson.Render(Run(name)));

    [Fact]
    public void Evaluate_metrics_json_keeps_its_bytes()
    {
        var run = Rich();
        var e = run.Steps[0].Validation with { Skipped = [new MelanomaExp.Data.BadImage("x/ü.jpg", "not an image: \"bad\" – truncated")] };
        Golden("evaluate.metrics.json", MelanomaExp.Reporting.EvaluationReport.MetricsJson("models/bäse <1>/model.pt", "data & more", "abc'123", e));
    }

    private static void Golden(string file, string actual)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "MelanomaExp.Tests", "Golden", "Documents", file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static RunResult Run(string name) => name switch
    {
        "fixed" => FixedRun.Create(),
        "rich" => Rich(),
        "bare" => Bare(),
        _ => throw new ArgumentException(name, nameof(name)),
    };

    /// <summary>Every optional block filled in: groups, copies across the splits, test without them, a device with its preflight, a CPU's flags.</summary>
    private static RunResult Rich()
    {
        var run = FixedRun.Create();
        var groups = GroupAssociation.Of(run.Dataset.Classes, [0, 0, 1, 1, 0, 2], ["site-é", "a", "a", "b", "b", "b"]);
        var first = run.Steps[0];
        var second = run.Steps[1];
        var copy = new TrainTestCopy("/data/isic/Test/melanoma/ISIC_9.jpg", "melanoma", "/data/isic/Train/nevus/ISIC_4.jpg", "nevus", Exact: true);
        var device = new DeviceSelection(TorchSharp.torch.CPU, DeviceChoice.Auto, "no CUDA device <here>", new DeterminismState(true, false, true, false))
        {
            Preflight = new CudaPreflightResult
            {
                Driver = "550.54",
                TorchDevices = 1,
                Device = "NVIDIA H200",
                ComputeCapability = "9.0",
                Cudnn = true,
                CudnnVersion = "9.1.0",
                Seeding = new SeedingCheckResult(true, false, "aa", "bb"),
                Problem = "seeding: a different seed gave the same weights",
            },
        };
        return run with
        {
            Environment = run.Environment with { CpuBf16 = "avx512_bf16", CpuIsa = "x86-64-v4", CpuMicroarchitecture = "GenuineIntel 6/143" },
            Dataset = run.Dataset with
            {
                Groups = groups,
                Audit = run.Dataset.Audit! with { ExactConflictPairs = 1, ConflictImages = 3, TrainTestCopies = [copy] },
            },
            Steps =
            [
                first with
                {
                    Validation = first.Validation with { ByGroup = GroupMetrics.Of(["a", "b", "a"], [0, 1, 1], [0, 2, 1], 0, 50, 3), Calibration = null },
                    TestWithoutTrainCopies = first.Test! with { Images = 1, Loss = double.NaN },
                    TrainEvaluation = null,
                },
                second with { Validation = second.Validation with { Positive = second.Validation.Positive! with { Operating = null } } },
            ],
            Comparisons = [run.Comparisons[0] with { Auc = null }],
            Provenance = run.Provenance! with
            {
                Test = new DatasetFingerprint("ffeeddccbbaa9988", 2, new Dictionary<string, int> { ["melanoma"] = 1, ["nevus"] = 1 }),
                Audit = null,
                Device = device,
            },
        };
    }

    /// <summary>A hand-made run: no provenance, no audit, no test set, no positive class, no comparisons.</summary>
    private static RunResult Bare()
    {
        var run = FixedRun.Create();
        return run with
        {
            Dataset = run.Dataset with { Audit = null, TestCounts = null, Skipped = [] },
            Steps = [.. run.Steps.Select(s => s with { Test = null, Validation = s.Validation with { Positive = null } })],
            Comparisons = [],
            Provenance = null,
        };
    }
}
