using MelanomaExp.Reporting.Verification;
using MelanomaExp.Results;
using MelanomaExp.Safety;

namespace MelanomaExp.Verification;

/// <summary><c>compare A B</c>: two report folders side by side (metrics, environment, validation curves).</summary>
public static class ReportComparison
{
    public static string Write(string a, string b, string folder) =>
        Write(a, b, OutputFolder.Claim(folder, "comparison", new OutputRules().Input(a, "report A").Input(b, "report B")));

    /// <summary>Compares the two and writes COMPARE.md and its charts into <paramref name="folder"/>; returns the Markdown.</summary>
    public static string Write(string a, string b, OutputFolder folder) => ComparisonReport.Write(Compare(a, b), folder);

    public static ReportComparisonResult Compare(string a, string b)
    {
        var (ra, rb) = (CommittedReport.Read(a), CommittedReport.Read(b));
        var bValues = rb.Values().ToDictionary(v => (v.Step, v.Metric), v => v.Value);
        var curvesB = Curves(rb);
        return new ReportComparisonResult(a, b)
        {
            Figures = [.. ra.Values().Select(v => new ComparedFigure(v.Step, v.Metric, v.Value, bValues.GetValueOrDefault((v.Step, v.Metric)))).Where(f => f.A is not null || f.B is not null)],
            // verify's tiers: on the same numerics two runs of one experiment must agree bit for bit; on other numerics they
            // differ like nearby seeds, and the per-image pairs say how many answers moved.
            Numerics = NumericsIdentity.Differences(ra.Folder, rb.Folder),
            Integrity = [.. new[] { ("A", ra), ("B", rb) }.SelectMany(r => ReportIntegrity.Check(r.Item2, out _).Select(problem => (r.Item1, problem)))],
            Pairs = PredictionCheck.Pair(ra, rb),
            Environment = Verifier.EnvironmentDifferences(ra.Folder, rb.Folder),
            Curves = [.. Curves(ra).Select(s => new ValidationCurves(s.Key, s.Value, curvesB.GetValueOrDefault(s.Key)))],
        };
    }

    private static Dictionary<string, double[]> Curves(CommittedReport r) =>
        r.Folder.Steps.ToDictionary(s => s.Name, s => s.Epochs.Select(e => e.ValAccuracy * 100).ToArray());
}
