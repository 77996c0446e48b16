namespace MelanomaExp.Data;

/// <summary>Indices into an <see cref="ImageStore"/> for training and validation.</summary>
public sealed record Split(int[] Train, int[] Validation);
