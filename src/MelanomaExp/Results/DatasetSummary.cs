using MelanomaExp.Data;

namespace MelanomaExp.Results;

/// <summary>Class names and image counts per split; <paramref name="SampleImages"/> holds one RGB image per class.</summary>
public sealed record DatasetSummary(
    string Root,
    IReadOnlyList<string> Classes,
    int[] TrainCounts,
    int[] ValidationCounts,
    int[]? TestCounts,
    IReadOnlyList<BadImage> Skipped,
    int ImageHeight,
    int ImageWidth,
    IReadOnlyList<byte[]> SampleImages)
{
    public Data.Audit.AuditSummary? Audit { get; init; }

    /// <summary>Class by group in the training folder, when the experiment has <c>data.groups</c>.</summary>
    public Data.Groups.GroupAssociation? Groups { get; init; }
}
