using MelanomaExp.Config;
using MelanomaExp.Models;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using static TorchSharp.torch;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>Runs an experiment written in a test (data under <c>data/</c>, report under <c>out/</c>) and loads the model it saved.</summary>
internal static class TrainedModel
{
    /// <returns>The run's log lines and its first step's saved model (the caller disposes it).</returns>
    public static (List<string> Log, nn.Module<Tensor, Tensor> Saved) Run(TempDir dir, string yaml, string file)
    {
        var experiment = ExperimentLoader.Parse(yaml, dir.Combine(file));
        var log = new List<string>();
        ExperimentRunner.Run(experiment, new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance, Log = log.Add });
        var card = Directory.EnumerateFiles(dir.Combine("out"), ModelBundle.CardFile, SearchOption.AllDirectories).First();
        return (log, ModelBundle.Load(card).Model);
    }
}
