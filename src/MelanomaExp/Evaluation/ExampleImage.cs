namespace MelanomaExp.Evaluation;

/// <summary>
/// One evaluated image kept for the report's galleries: its pixels (height x width x 3 bytes, as the
/// model saw them), file name, true and predicted class, and the probability of the predicted class.
/// </summary>
public sealed record ExampleImage(byte[] Rgb, string File, string Actual, string Predicted, double Probability);
