namespace MelanomaExp.Results;

/// <summary>One figure of metrics.json (a number, a count, a label), committed against reproduced.</summary>
public sealed record FigureCheck(string Path, string Kind, string Committed, string Reproduced, double Tolerance, Verdict Verdict);
