using MelanomaExp.Config;
using MelanomaExp.Data;
using MelanomaExp.Data.Groups;
using MelanomaExp.Results;
using MelanomaExp.Seeding;

namespace MelanomaExp.Running;

/// <summary>The decoded training images with their split, and the test images when the experiment names a test folder.</summary>
public sealed record PreparedData(ImageStore Train, Split Split, ImageStore? Test, string Root, string? PositiveClass)
{
    /// <summary>What the scan of the train and test folders left out without an error (loose files beside the class folders), one line each, said once.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The audit's findings and what its policies changed.</summary>
    public Data.Audit.AuditSummary? Audit { get; init; }

    /// <summary>Scans, decodes and splits; every data problem surfaces here, before any training.</summary>
    public static PreparedData Load(Experiment experiment, string root)
    {
        var spec = experiment.Data;
        var index = DatasetScanner.Scan(Path.Combine(root, spec.Train));
        if (spec.MaxPerClass is { } max)
        {
            index = DatasetScanner.Limit(index, max);
        }
        var loaded = ImageStoreLoader.Load(index, spec.ImageHeight, spec.ImageWidth, spec.OnBadImage);
        ImageStore? test = null;
        var notices = index.Notice is { } trainNotice ? new List<string> { trainNotice } : [];
        if (spec.Test is { } testDir)
        {
            var testIndex = DatasetScanner.Scan(Path.Combine(root, testDir));
            if (testIndex.Notice is { } testNotice)
            {
                notices.Add(testNotice);
            }
            if (!testIndex.Classes.SequenceEqual(index.Classes))
            {
                throw new BadInputException(
                    $"{testIndex.Root}: test classes ({string.Join(", ", testIndex.Classes)}) differ from training classes ({string.Join(", ", index.Classes)})");
            }
            test = ImageStoreLoader.Load(testIndex, spec.ImageHeight, spec.ImageWidth, spec.OnBadImage);
        }
        (string[] Values, Dictionary<string, string> Of)? groupOf = spec.Groups is { } g ? GroupsOf(g, loaded, root) : null;
        // by: random-groups splits by its own grouping (fine, e.g. 100 ISIC numbers), data.groups stays the grouping reported on (collections).
        var splitGroups = spec.Validation is { By: ValidationBy.RandomGroups, Pattern: { } splitPattern }
            ? GroupAssigner.Assign(new GroupsSpec(splitPattern, null, "file", "group"), loaded.Paths, root)
            : groupOf?.Values;
        var (train, split, audit) = Data.Audit.AuditStage.Apply(loaded, test, spec, new Seeds(experiment.Seed).Rng("split"), index.Root, experiment.Seed, splitGroups);
        var ofPath = groupOf?.Of;
        if (split.Train.Length == 0 || split.Validation.Length == 0)
        {
            throw new BadInputException($"{index.Root}: {train.Count} image(s) are too few for a {spec.ValidationSplit:0.##} validation split");
        }
        var positive = experiment.Evaluation.PositiveClass;
        if (!train.Classes.Contains(positive))
        {
            if (experiment.Evaluation.PositiveClassGiven)
            {
                throw new BadInputException($"{experiment.SourcePath}: evaluation.positive_class: '{positive}' is not one of the classes ({string.Join(", ", train.Classes)})");
            }
            positive = null;
        }
        if (spec.Validation is { By: ValidationBy.RandomGroups } && positive is not null)
        {
            // The class of interest must be judged on pictures of groups it never trained on, and trained on at all.
            var p = train.Classes.ToList().IndexOf(positive);
            var (inTraining, inValidation) = (split.Train.Count(i => train.Labels[i] == p), split.Validation.Count(i => train.Labels[i] == p));
            if (inTraining == 0 || inValidation == 0)
            {
                throw new BadInputException(
                    $"{experiment.SourcePath}: data.validation.pattern: by: random-groups left '{positive}' with {inTraining} training and {inValidation} validation image(s); use finer groups or a larger validation_split");
            }
        }
        var groups = ofPath is null ? null : train.Paths.Select(p => ofPath[p]).ToArray();
        return new PreparedData(train, split, test, root, positive)
        {
            Audit = audit,
            Notices = notices,
            Groups = groups,
            TestGroups = spec.Groups is { } tg && test is not null ? GroupAssigner.Assign(tg, test.Paths, root) : null,
            Association = groups is null ? null : GroupAssociation.Of(train.Classes, train.Labels, groups),
        };
    }

    /// <summary>Each training image's group (<c>data.groups</c>), aligned with <see cref="Train"/>; null without groups.</summary>
    public string[]? Groups { get; init; }

    /// <summary>Each test image's group, aligned with <see cref="Test"/>.</summary>
    public string[]? TestGroups { get; init; }

    /// <summary>How far the group alone predicts the class in the training folder (after the audit's removals).</summary>
    public GroupAssociation? Association { get; init; }

    private static (string[] Values, Dictionary<string, string> Of) GroupsOf(GroupsSpec spec, ImageStore store, string root)
    {
        var values = GroupAssigner.Assign(spec, store.Paths, root);
        var of = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Length; i++)
        {
            of[store.Paths[i]] = values[i];
        }
        return (values, of);
    }

    public DatasetSummary Summarize()
    {
        int[] Count(IEnumerable<int> labels) => ClassCounts.Of(labels, Train.Classes.Count);
        var samples = Enumerable.Range(0, Train.Classes.Count)
            .Select(c => Train.Image(Array.FindIndex(Train.Labels, l => l == c)).ToArray())
            .ToList();
        return new DatasetSummary(
            Root,
            Train.Classes,
            Count(Split.Train.Select(i => Train.Labels[i])),
            Count(Split.Validation.Select(i => Train.Labels[i])),
            Test is null ? null : Count(Test.Labels),
            [.. Train.Skipped, .. Test?.Skipped ?? []],
            Train.Height,
            Train.Width,
            samples)
        {
            Audit = Audit,
            Groups = Association,
        };
    }
}
