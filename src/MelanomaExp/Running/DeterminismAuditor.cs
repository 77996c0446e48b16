using MelanomaExp.Results;
using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Provenance;
using MelanomaExp.Seeding;
using MelanomaExp.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MelanomaExp.Running;

/// <summary>
/// Measures instead of promising: trains the first epoch of a step twice from the same seeds and
/// compares the epoch's losses and the resulting weights. On CPU they agree; on CUDA, where the
/// determinism switches are set behind TorchSharp's back (<see cref="Native.DeterminismFlags"/>) and
/// some operations may still have no deterministic kernel, this is how a run finds out.
/// </summary>
internal static class DeterminismAuditor
{
    /// <param name="secondSeeds">The second pass's seeds; only tests give other seeds, to show a mismatch is reported.</param>
    public static DeterminismAudit Audit(StepSpec step, PreparedData data, BatchSource source, Seeds seeds, Device device, Seeds? secondSeeds = null)
    {
        var oneEpoch = step with { Train = step.Train with { Epochs = 1 } };
        var (lossA, shaA) = Once(oneEpoch, data, source, seeds, device);
        var (lossB, shaB) = Once(oneEpoch, data, source, secondSeeds ?? seeds, device);
        return new DeterminismAudit(step.Name, lossA == lossB, shaA == shaB, shaA, shaB);
    }

    private static (EpochRecord, string) Once(StepSpec step, PreparedData data, BatchSource source, Seeds seeds, Device device)
    {
        TorchSeeding.Reseed(seeds.For("init", step.Name));
        using var model = ModelFactory.Create(step.Model, data.Train.Classes.Count, data.Train.Height, data.Train.Width, device);
        Precision.Apply(Architectures.Of(step.Model), model, Precision.ComputeType(step.Train.Precision, device, Provenance.CpuFeatures.Current, $"step '{step.Name}': train.precision"));
        FineTuning.Apply(step.Train, model);
        using var optimizer = Trainer.CreateOptimizer(step.Train, model);
        var history = new Trainer(source, seeds).Train(step, model, optimizer, data.Split.Train, data.Split.Validation, data.Train.Labels, new TrainingHooks());
        var file = Path.GetTempFileName();
        try
        {
            model.save(file);
            // Seconds differ run to run; only the numbers are compared.
            return (history[0] with { Seconds = 0, ImagesPerSecond = 0 }, FileSha256.Of(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
