namespace MelanomaExp.Sweeps;

/// <summary>
/// Who writes a collected study's report (README.md, study.json, charts). Reporting renders a <see cref="Study"/>, so
/// it sits above Sweeps and registers its writer here when the library loads, as Models registers the architectures
/// with Config: <see cref="SweepRunner"/> writes the report after a local sweep without naming the layer above it.
/// </summary>
internal static class StudyReportWriter
{
    private static Action<Study>? _write;

    public static void Register(Action<Study> write) => _write = write;

    public static void Write(Study study) =>
        (_write ?? throw new InvalidOperationException("no study report writer is registered (Reporting registers one when the library loads)"))(study);
}
