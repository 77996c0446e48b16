
namespace MelanomaExp.Config;

/// <summary>Reads the settings meant to help a model carry over to new collections: preprocessing, loss, evaluation, starting weights.</summary>
internal static class RemedyBinder
{
    public static PreprocessSpec? Preprocess(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }
        var spec = new PreprocessSpec(section.Double("colour_constancy", 0, 0, 64, exclusive: false), section.Bool("standardize", false));
        if (spec.ColourConstancy is > 0 and < 1)
        {
            throw section.Error("colour_constancy", "the Minkowski norm p must be at least 1 (1 = Grey World, 6 = the usual Shades of Gray), or 0 for off");
        }
        section.RejectUnknown();
        return spec;
    }

    public static EvaluateSpec? Evaluate(YamlSection? section)
    {
        if (section is null)
        {
            return null;
        }
        var tta = section.StringChoice("tta", "none", "none", "flips") == "flips";
        section.RejectUnknown();
        return new EvaluateSpec(tta);
    }

    public static bool ClassWeights(YamlSection train) => train.StringChoice("class_weights", "none", "none", "balanced") == "balanced";

    /// <summary>Resolves <c>init_from</c> against the experiment file's folder and fingerprints it.</summary>
    public static ModelSpec InitFrom(YamlSection model, ModelSpec spec, string experimentFile)
    {
        if (model.String("init_from") is not { } path)
        {
            return model.String("init_from_sha256") is null ? spec : throw model.Error("init_from_sha256", "only with init_from");
        }
        var full = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(experimentFile)) ?? ".", path);
        if (!File.Exists(full))
        {
            throw model.Error("init_from", $"weights file not found: {full}");
        }
        var sha = FileSha256.Of(full);
        // A resolved experiment (a report's manifest) names the file it was trained from; another file is another experiment.
        if (model.String("init_from_sha256") is { } recorded && recorded != sha)
        {
            throw model.Error("init_from_sha256", $"{full} has sha256 {sha}, not the recorded {recorded}");
        }
        return spec with { InitFrom = path, InitFromPath = full, InitFromSha256 = sha };
    }
}
