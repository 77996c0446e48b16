using MelanomaExp.Evaluation;

namespace MelanomaExp.Results;

/// <summary>How many images of one step's set answer differently in the rerun, and McNemar's test on the pairs.</summary>
public sealed record ImagePairs(string Step, string Set, int Images, int Changed, McNemar Test);
