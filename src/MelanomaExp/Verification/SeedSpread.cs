using System.Globalization;
using System.Text.Json;
using MelanomaExp.Documents;
using MelanomaExp.Results;

namespace MelanomaExp.Verification;

/// <summary>
/// How much each figure of an experiment moves from seed to seed, read from a seed study of it
/// (<c>study.json</c> written by <c>collect</c>), so verify can judge a difference against that spread
/// rather than only a fixed tolerance.
/// </summary>
public sealed record SeedSpread(string Source, IReadOnlyDictionary<(string Step, string Metric), (double Sd, int Seeds)> Cells)
{
    /// <summary>
    /// Two single runs of different seeds differ with sd·√2; a rerun is within the spread when its difference lies
    /// inside the 95% band of that. The sd is estimated from only a few seeds, so the band uses Student's t with
    /// seeds − 1 degrees of freedom (3 seeds: ±6.08 sd, 4: ±4.50, 5: ±3.93, many: ±2.77), not the normal 1.96, which
    /// would call a rerun beyond the spread whenever a handful of seeds happened to agree closely.
    /// </summary>
    public static double Band(int seeds) => MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Math.Max(1, seeds - 1), 0.975) * Math.Sqrt(2);

    /// <summary>The study in <paramref name="studyDir"/>, or else a study beside the report (a sibling folder) of the same experiment.</summary>
    public static SeedSpread? Find(string reportDir, string experiment, string? studyDir)
    {
        if (studyDir is not null)
        {
            return Read(studyDir, experiment) ?? throw new BadInputException($"{Path.Combine(studyDir, ReportFiles.Study)}: no seed study of experiment '{experiment}' with at least 2 seeds (write one with melanoma-exp sweep and collect)");
        }
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(reportDir)));
        return parent is null ? null : Directory.GetDirectories(parent).Order(StringComparer.Ordinal).Select(d => Read(d, experiment)).FirstOrDefault(s => s is not null);
    }

    /// <summary>The spread of a study's only grid point (or its ungridded one), null when there is none for this experiment.</summary>
    public static SeedSpread? Read(string studyDir, string experiment)
    {
        var path = Path.Combine(studyDir, ReportFiles.Study);
        if (!File.Exists(path))
        {
            return null;
        }
        if (ReadStudy(path) is not { } study || study.Experiment != experiment)
        {
            return null;
        }
        var points = study.Cells.Select(c => c.Point).Distinct().ToList();
        var point = points.Count == 1 ? points[0] : points.FirstOrDefault(p => p == "default");
        var spread = study.Cells.Where(c => c.Point == point && c.N >= 2 && c.Sd is not null)
            .ToDictionary(c => (c.Step, c.Metric), c => (c.Sd!.Value, c.N));
        return point is null || spread.Count == 0 ? null : new SeedSpread(Path.GetFullPath(studyDir), spread);
    }

    /// <summary>The study in <paramref name="path"/>, null when it is not one (another format, not an object); a clear error when it is damaged.</summary>
    private static StudyDocument? ReadStudy(string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return DocumentHeader.FormatOf(doc.RootElement) == ReportFormats.Study ? doc.RootElement.Deserialize(ReportDocumentContext.Default.StudyDocument) : null;
        }
        catch (JsonException e)
        {
            throw new BadInputException($"{path}: not a study melanoma-exp wrote ({e.Message})", e);
        }
    }

    /// <summary>
    /// Every check with a measured spread gets it; a difference beyond the fixed tolerance but inside the
    /// seed band is <see cref="Verdict.WithinSeedSpread"/> (the rerun is as close as another seed would be).
    /// </summary>
    public VerificationResult Judge(VerificationResult result) => result with
    {
        SeedStudy = Source,
        Checks = result.Checks.Select(c =>
        {
            if (!Cells.TryGetValue((c.Step, c.Metric), out var s))
            {
                return c;
            }
            var judged = c with { SeedSd = s.Sd, Seeds = s.Seeds };
            judged = judged with { SpreadDescription = Describe(judged) };
            return c.Verdict == Verdict.NotReproduced && c.Difference is { } d && Math.Abs(d) <= Band(s.Seeds) * s.Sd ? judged with { Verdict = Verdict.WithinSeedSpread } : judged;
        }).ToList(),
    };

    /// <summary>"0.4 sd of 5 seeds (within the ±3.93 sd band)" for a check with a spread.</summary>
    public static string Describe(MetricCheck c) => c.SeedSd is not { } sd || c.Difference is not { } d
        ? "–"
        : sd == 0
            ? (d == 0 ? "0 sd (the seeds agree exactly)" : "beyond: the seeds agree exactly")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Abs(d) / sd:0.0} sd of {c.Seeds} seeds ({(Math.Abs(d) <= Band(c.Seeds) * sd ? "within" : "beyond")} the ±{Band(c.Seeds):0.00} sd band)");
}
