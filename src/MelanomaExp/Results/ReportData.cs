namespace MelanomaExp.Results;

/// <summary>The data a report's run read, from its manifest: the content fingerprint and the images per class.</summary>
public sealed record ReportData(string Fingerprint, IReadOnlyDictionary<string, int> PerClass);
