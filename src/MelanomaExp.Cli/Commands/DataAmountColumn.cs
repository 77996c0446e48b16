using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MelanomaExp.Cli.Commands;

/// <summary>Bytes and rate for the download bar, a file count for the checking bar (Spectre's byte columns would render files as bytes).</summary>
internal sealed class DataAmountColumn : ProgressColumn
{
    public const string DownloadTask = "download";
    private readonly DownloadedColumn _bytes = new();
    private readonly TransferSpeedColumn _rate = new();

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        task.Description == DownloadTask
            ? new Columns(_bytes.Render(options, task, deltaTime), _rate.Render(options, task, deltaTime)).Collapse()
            : new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0}/{task.MaxValue:N0} files"));
}
