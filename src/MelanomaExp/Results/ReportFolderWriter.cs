namespace MelanomaExp.Results;

/// <summary>
/// The one writer of a report folder's data files (metrics.json, manifest.json, history.csv, predictions.csv), beside
/// <see cref="ReportFolder"/>, their one reader: a change to the format is made and tested in one place.
/// The Markdown and charts around them are Reporting's.
/// </summary>
internal static class ReportFolderWriter
{
    /// <summary>The files <see cref="Write"/> puts in every report folder, whatever the run: the report's list of its files needs them without writing.</summary>
    public static IReadOnlyList<string> Files { get; } = [ReportFiles.History, ReportFiles.Metrics, ReportFiles.Manifest, ReportFiles.Predictions];

    public static void Write(RunResult run, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ReportFiles.History), HistoryCsv.Render(run));
        File.WriteAllText(Path.Combine(folder, ReportFiles.Metrics), MetricsJson.Render(run));
        File.WriteAllText(Path.Combine(folder, ReportFiles.Manifest), ManifestJson.Render(run));
        PredictionsCsv.Write(run, Path.Combine(folder, ReportFiles.Predictions));
    }
}
