namespace MelanomaExp.Config;

/// <summary>
/// <c>preprocess:</c> what is done to every image before the network, in training and evaluation alike.
/// <paramref name="ColourConstancy"/> is the Minkowski norm p of Shades of Gray (0 = off; 1 is Grey
/// World, 6 the usual choice for dermoscopy); <paramref name="Standardize"/> subtracts each channel's
/// mean and divides by its standard deviation, both measured on the training split.
/// </summary>
public sealed record PreprocessSpec(double ColourConstancy, bool Standardize);

/// <summary><c>evaluate:</c> <paramref name="FlipTta"/> averages the class probabilities over the image and its three flips.</summary>
public sealed record EvaluateSpec(bool FlipTta);
