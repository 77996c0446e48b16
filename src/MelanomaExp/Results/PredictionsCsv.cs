using System.Globalization;
using CsvHelper;
using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>One image's answer in predictions.csv.</summary>
internal sealed record PredictionRow(string Step, string Set, string File, string TrueClass, string PredictedClass, float[] Probabilities);

/// <summary>
/// predictions.csv: every validation and test image's answer per step (file relative to the data root, true and predicted
/// class, the probability of each class, floats written to round-trip exactly). Every figure of an evaluation can be
/// recomputed from it, and two runs can be paired image by image.
/// </summary>
internal static class PredictionsCsv
{
    public static void Write(RunResult run, string path)
    {
        var classes = run.Dataset.Classes;
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var header in new[] { "step", "set", "file", "true_class", "predicted_class" }.Concat(classes.Select(c => "p_" + c)))
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var step in run.Steps)
        {
            Rows(csv, step.Name, step.Validation, step.ValidationFiles, classes);
            if (step.Test is { } test)
            {
                Rows(csv, step.Name, test, step.TestFiles, classes);
            }
        }
    }

    private static void Rows(CsvWriter csv, string step, SetEvaluation set, IReadOnlyList<string> files, IReadOnlyList<string> classes)
    {
        // A result without file names (hand-made in tests, or from an older run) has nothing to pair by: no rows.
        if (files.Count != set.Labels.Count || set.Probabilities.Count != set.Labels.Count)
        {
            return;
        }
        for (var i = 0; i < set.Labels.Count; i++)
        {
            csv.WriteField(step);
            csv.WriteField(set.Set);
            csv.WriteField(files[i]);
            csv.WriteField(classes[set.Labels[i]]);
            csv.WriteField(classes[set.Predictions[i]]);
            foreach (var p in set.Probabilities[i])
            {
                csv.WriteField(p.ToString("R", CultureInfo.InvariantCulture));
            }
            csv.NextRecord();
        }
    }

    /// <summary>The rows of a report's predictions.csv; null when the report has none (written before it was).</summary>
    public static IReadOnlyList<PredictionRow>? Read(string path, IReadOnlyList<string> classes)
    {
        if (!System.IO.File.Exists(path))
        {
            return null;
        }
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || header.Length != 5 + classes.Count)
        {
            throw new BadInputException($"{path}: not a predictions.csv of this report (its header does not name the report's {classes.Count} classes)");
        }
        var rows = new List<PredictionRow>();
        while (csv.Read())
        {
            try
            {
                var probabilities = classes.Select((c, k) => float.Parse(csv.GetField(5 + k)!, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                rows.Add(new PredictionRow(csv.GetField(0)!, csv.GetField(1)!, csv.GetField(2)!, csv.GetField(3)!, csv.GetField(4)!, probabilities));
            }
            catch (Exception e) when (e is FormatException or CsvHelperException)
            {
                throw new BadInputException($"{path}: line {csv.Parser.Row}: not a prediction row ({e.Message.Split('\n')[0]})");
            }
        }
        return rows;
    }
}
