using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Inference;
using MelanomaExp.Tests.Data;
using MelanomaExp.Tests.Fixtures;
using static MelanomaExp.Tests.Inference.PredictorTests;

namespace MelanomaExp.Tests.Inference;

/// <summary>evaluate reads the data by the rules training reads it by: the same odd entries, the same reasons.</summary>
public class SavedModelEvaluationTests
{
    [SkippableFact]
    public void Odd_entries_are_skipped_or_refused_with_the_reasons_training_gives()
    {
        PosixEntries.Require();
        using var dir = OddFilesTests.Corpus();
        using var oddName = PosixEntries.NonUtf8File(dir.Combine("nevus"), File.ReadAllBytes(dir.Combine("nevus", "good.png")));
        using var models = new TempDir();
        var model = SaveModel(models, "melanoma", "nevus");
        var training = NotHanging(() => ImageStoreLoader.Load(DatasetScanner.Scan(dir.Path), 8, 8, BadImagePolicy.Skip)).Skipped;

        var refused = Assert.Throws<BadInputException>(() => NotHanging(() => SavedModelEvaluation.Run(model, dir.Path, 0, 1, BadImagePolicy.Fail)));
        Assert.StartsWith($"{training.Count} unreadable image(s) (--skip-bad-images leaves them out):", refused.Message, StringComparison.Ordinal);
        Assert.All(training, b => Assert.Contains($"{b.Path}: {b.Reason}", refused.Message, StringComparison.Ordinal));

        var (_, evaluation) = NotHanging(() => SavedModelEvaluation.Run(model, dir.Path, 0, 1, BadImagePolicy.Skip));
        Assert.Equal(5, evaluation.Images);
    }
}
