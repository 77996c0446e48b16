using MelanomaExp.Config;
using MelanomaExp.Data.Groups;
using MelanomaExp.Provenance;
using MelanomaExp.Safety;
using MelanomaExp.Seeding;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>
/// What the first phase of a run settles before any step trains: the claimed and locked output folder, the device,
/// the loaded and audited data, and the run state (fresh, or resumed when allowed). Disposing it releases the lock.
/// </summary>
internal sealed class PreparedRun : IDisposable
{
    private readonly OutputLock _writer;

    private PreparedRun(OutputLock writer) => _writer = writer;

    public required Experiment Experiment { get; init; }

    public required Seeds Seeds { get; init; }

    public required string DataRoot { get; init; }

    public required OutputFolder Target { get; init; }

    public required DeviceSelection Selection { get; init; }

    public required PreparedData Data { get; init; }

    public required DatasetFingerprint TrainPrint { get; init; }

    /// <summary>The machine's numerics fingerprint: part of every step key and of the run state.</summary>
    public required string Numerics { get; init; }

    public required RunState State { get; init; }

    public TorchSharp.torch.Device Device => Selection.Device;

    public string Output => Target.Path;

    /// <summary>Claims and locks the output, picks the device, loads the data and opens the run state; bad input fails here, before training.</summary>
    public static PreparedRun Open(Experiment experiment, RunOptions options, Action<string> log, CancellationToken cancel)
    {
        var seeds = new Seeds(experiment.Seed);
        var dataRoot = options.ResolveDataRoot(experiment);
        var target = ExperimentRunner.ClaimOutput(experiment, options, dataRoot);
        // Taken before the run state is opened: a second run must never clear or read the first one's checkpoints.
        var writer = OutputLock.Acquire(target);
        try
        {
            var selection = DevicePreparation.Prepare(experiment, options.Device ?? experiment.Device, seeds, log);
            // Before any data is read: a precision this machine cannot run is a bad input, found at once.
            foreach (var step in experiment.Steps)
            {
                Precision.ComputeType(step.Train.Precision, selection.Device, CpuFeatures.Current, Precision.Where(experiment, step));
            }
            var data = PreparedData.Load(experiment, dataRoot);
            var trainPrint = StoreFingerprint.Of(data.Train);
            Describe(data, trainPrint, log);
            var numerics = NumericsFingerprint.Current;
            var resume = options.Resume;
            if (options.ResumeIfInterrupted && !options.Resume && RunState.Exists(target.Path))
            {
                // Said either way: a sweep's resubmission that starts over must say why, not look like a fresh run.
                var why = RunState.WhyNotResumable(target.Path, experiment, trainPrint, numerics);
                resume = why is null;
                log(resume ? $"continuing the interrupted run in {RunState.DirFor(target.Path)}" : $"not continuing the interrupted run in {RunState.DirFor(target.Path)}: {why}; starting over");
            }
            if (cancel.IsCancellationRequested)
            {
                throw new RunInterruptedException("interrupted before training started: nothing was written (an existing report is untouched)");
            }
            return new PreparedRun(writer)
            {
                Experiment = experiment,
                Seeds = seeds,
                DataRoot = dataRoot,
                Target = target,
                Selection = selection,
                Data = data,
                TrainPrint = trainPrint,
                Numerics = numerics,
                State = RunState.Open(target.Path, experiment, trainPrint, numerics, resume),
            };
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    public void Dispose() => _writer.Dispose();

    private static void Describe(PreparedData data, DatasetFingerprint trainPrint, Action<string> log)
    {
        if (data.Association is { } association)
        {
            log(FormattableString.Invariant($"groups: {association.Groups.Count}, Cramér's V {association.CramersV:0.000}, group-majority rule {association.GroupMajorityAccuracy * 100:0.0}% accurate") +
                (association.Confounded ? $" (warning: {GroupAssociation.ConfoundWarning})" : ""));
        }
        log($"data: {data.Train.Count} images in {data.Train.Classes.Count} classes, {data.Split.Train.Length} train / {data.Split.Validation.Length} validation" +
            (data.Test is null ? "" : $", {data.Test.Count} test") + $" (fingerprint {trainPrint.Hash})");
        foreach (var notice in data.Notices)
        {
            log($"note: {notice}");
        }
        // Under on_bad_image: skip a file left out is said on the console too, not only in the report at the end.
        foreach (var bad in data.Train.Skipped.Concat(data.Test?.Skipped ?? []))
        {
            log($"skipped (on_bad_image: skip): {bad.Path}: {bad.Reason}");
        }
    }
}
