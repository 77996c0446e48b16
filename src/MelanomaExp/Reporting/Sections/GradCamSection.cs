using System.Text;
using MelanomaExp.Results;

namespace MelanomaExp.Reporting.Sections;

/// <summary>Where the final model looks (<see cref="GradCamGallery"/>): one picture per step that has Grad-CAM maps.</summary>
internal sealed class GradCamSection : IReportSection
{
    public void Write(StringBuilder md, RunResult run) => GradCamGallery.Markdown(md, run);

    public IEnumerable<SectionFile> Files(RunResult run) =>
        run.Steps.Where(s => s.GradCams.Count > 0).Select(step => new SectionFile(ReportFiles.GradCam(step.Name), path => GradCamGallery.Draw(run, step, path)));
}
