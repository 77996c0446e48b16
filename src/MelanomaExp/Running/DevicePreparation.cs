using MelanomaExp.Config;
using MelanomaExp.Seeding;
using MelanomaExp.Training;

namespace MelanomaExp.Running;

/// <summary>
/// Picks the run's device and, on a GPU, runs the CUDA preflight before anything is trained. A GPU that
/// fails a hardware check stops the run; one whose tiny steps do not repeat stops it only under
/// <c>deterministic: true</c> (with <c>false</c> the run goes on and the manifest says what was found).
/// </summary>
internal static class DevicePreparation
{
    public static DeviceSelection Prepare(Experiment experiment, DeviceChoice choice, Seeds seeds, Action<string> log)
    {
        var selection = DeviceResolver.Choose(choice, experiment.Deterministic);
        if (selection.FallbackReason is { } why)
        {
            log(why);
        }
        if (!selection.IsCuda)
        {
            return selection;
        }
        var preflight = CudaPreflight.Run(selection.Device, seeds.For("preflight"));
        log(preflight.Passed
            ? $"cuda preflight passed: {preflight.Device}, {preflight.Driver?.Split(';')[0]}, cuDNN {preflight.CudnnVersion ?? "(version unknown)"}, seeded tiny steps repeat"
            : $"cuda preflight FAILED: {preflight.Problem}");
        if (!preflight.Passed && (preflight.Seeding is null || experiment.Deterministic))
        {
            throw new InvalidOperationException(
                $"CUDA preflight failed on {preflight.Device ?? "the GPU"}: {preflight.Problem}" +
                (preflight.Seeding is null ? "" : "; set deterministic: false to train anyway (the manifest will record it)"));
        }
        return selection with { Preflight = preflight };
    }
}
