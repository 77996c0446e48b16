using System.Text.Json;
using MelanomaExp.Reporting;
using MelanomaExp.Running;
using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests.Running;

public class SeedStudyTests
{
    [Fact]
    public void Runs_once_per_seed_and_summarises()
    {
        using var dir = new TempDir();
        SyntheticImages.WriteDataset(dir.Combine("data", "Train"), classes: 2, perClass: 8, size: 16);
        var file = dir.Combine("exp.yaml");
        File.WriteAllText(file, """
            name: seeds
            seeds: [1, 2]
            device: cpu
            data: { train: Train, image_size: [16, 16], validation_split: 0.25 }
            steps:
              - name: only
                model: { arch: seed-cnn }
                train: { epochs: 1, batch_size: 4 }
            evaluation: { bootstrap: 10 }
            """);
        var study = SeedStudy.Run(file, [], [1, 2], new RunOptions { DataRoot = dir.Combine("data"), OutputDir = dir.Combine("out"), Sink = ReportSink.Instance });
        var val = study.Statistics.Single(s => s.Metric == "val_accuracy");
        Assert.Equal(2, val.Values.Count);
        Assert.True(File.Exists(dir.Combine("out", "seed-1", "README.md")));
        Assert.True(File.Exists(dir.Combine("out", "seed-2", "metrics.json")));
        using var json = JsonDocument.Parse(File.ReadAllText(dir.Combine("out", "seeds.json")));
        Assert.Equal(2, json.RootElement.GetProperty("seeds").GetArrayLength());
        using var one = JsonDocument.Parse(File.ReadAllText(dir.Combine("out", "seed-1", "metrics.json")));
        Assert.Equal(1, one.RootElement.GetProperty("experiment").GetProperty("seed").GetInt32());
    }
}
