namespace MelanomaExp.Sweeps;

/// <summary>
/// How long one step took to train at one grid point, run by run (metrics.json's step <c>seconds</c>: the training's
/// wall time, epochs with their validation passes and checkpoints; the final evaluation and data loading not counted).
/// </summary>
public sealed record StepCost(string Point, string Step, IReadOnlyList<int> Seeds, IReadOnlyList<double> Seconds)
{
    public string Label => StudyCell.LabelOf(Point, Step);
}
