namespace MelanomaExp.Config;

/// <summary>
/// What the experiment file and the checks made before any data is read need to know about an architecture: its
/// name, the <c>model:</c> keys it adds, and what it supports. The network itself is built by
/// <c>Models.IArchitecture</c>, which extends this; the schema layer sees only this part, so it imports no model code.
/// </summary>
internal interface IArchitectureSchema
{
    /// <summary>The value of <c>model.arch</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the keys of a step's <c>model:</c> section this architecture adds to the common ones (<c>arch</c>,
    /// <c>dropout</c>, <c>init_from</c>, read by the loader), reporting bad values on <paramref name="model"/>.
    /// Keys it does not read are refused as unknown.
    /// </summary>
    ModelSpec Bind(YamlSection model, ModelSpec common) => common;

    /// <summary>Its keys in canonical form (the resolved YAML and the step key); a null value leaves the key out.</summary>
    IEnumerable<KeyValuePair<string, object?>> Canonical(ModelSpec spec) => [];

    /// <summary>The <c>train.precision</c> values it trains in; fp32 is always among them.</summary>
    IReadOnlyList<string> Precisions => [Catalog.PrecisionNames.Fp32];

    /// <summary>Whether a step may put <c>preprocess:</c> (colour constancy, standardisation) in front of it.</summary>
    bool SupportsPreprocess => true;

    /// <summary>Whether <c>preprocess.standardize</c> may feed it (a pretrained network with its own input convention cannot take it).</summary>
    bool SupportsStandardize => true;

    /// <summary>Whether its pretrained weights come only from <c>model.init_from</c> (without it the backbone is random, and freezing it means nothing).</summary>
    bool PretrainedFromInitFrom => false;

    /// <summary>Whether its network has a pretrained backbone the fine-tuning keys (<c>train.freeze</c>, ...) act on.</summary>
    bool HasPretrainedBackbone => false;

    /// <summary>The backbone's nodes in the order they run: what <c>train.freeze</c> may name. Asked only when it names one.</summary>
    IReadOnlyList<string> BackboneNodes(ModelSpec spec) => [];

    /// <summary>
    /// Why it cannot take images of <paramref name="height"/> x <paramref name="width"/> (null when it can): asked when the
    /// experiment loads, so a size the network cannot build with fails before any data is read.
    /// </summary>
    string? ImageSizeProblem(int height, int width) => null;
}
