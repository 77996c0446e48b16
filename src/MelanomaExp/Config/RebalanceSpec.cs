namespace MelanomaExp.Config;

public enum RebalanceScope
{
    /// <summary>Augment the training split only, after splitting: validation never sees a copy of a training image.</summary>
    TrainSplit,

    /// <summary>The notebook's protocol: augment the whole class folder, then split (rotated copies of validation images land in training).</summary>
    SourceFolder,
}

/// <summary>How generated images are stored and how <c>rotate</c> sizes its canvas.</summary>
public enum RebalanceOutput
{
    /// <summary>Lossless PNG; ImageSharp's rotation canvas (rounded size).</summary>
    Lossless,

    /// <summary>As Augmentor with PIL: JPEG sources saved as JPEG quality 75 (PNG sources as PNG), and the rotation canvas expanded to the outer pixel bounds.</summary>
    Augmentor,
}

/// <summary>One operation of an Augmentor-style pipeline: applied when round(uniform(0,1), 1) &lt;= probability.</summary>
public sealed record AugmentorOpSpec(string Op, double Probability, IReadOnlyDictionary<string, double> Parameters);

/// <summary>Offline generation of extra training images per class before training (Augmentor's <c>Pipeline.sample</c>).</summary>
public sealed record RebalanceSpec(int? SamplesPerClass, int? TargetPerClass, RebalanceScope Scope, IReadOnlyList<AugmentorOpSpec> Pipeline)
{
    /// <summary>How many images to generate for a class that has <paramref name="existing"/>.</summary>
    public int ToGenerate(int existing) => SamplesPerClass ?? Math.Max(0, (TargetPerClass ?? 0) - existing);

    public RebalanceOutput Output { get; init; } = RebalanceOutput.Lossless;
}
