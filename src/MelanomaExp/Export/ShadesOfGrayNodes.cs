namespace MelanomaExp.Export;

/// <summary>
/// <see cref="Preprocessing.ShadesOfGray.Apply"/> as ONNX nodes, step for step: the per-image illuminant
/// e_c = mean(max(I_c, 0)^p)^(1/p) over the pixels, the gain |e| / (sqrt(3) e_c) (both clamped at 1e-6), the image
/// times the gain clamped to 0..255. The export tests check the two agree.
/// </summary>
internal static class ShadesOfGrayNodes
{
    public static string Emit(string images, double p, string path, OnnxGraphBuilder g)
    {
        string Name(string step) => ExportContext.Join(path, step);
        var positive = g.Node("Relu", Name("clamp_min"), [images]);
        var powered = g.Node("Pow", Name("pow"), [positive, g.Scalar(Name("p"), (float)p)]);
        var mean = g.Node("GlobalAveragePool", Name("mean"), [powered]);
        var illuminant = g.Node("Pow", Name("illuminant"), [mean, g.Scalar(Name("inverse_p"), (float)(1 / p))]);
        var squares = g.Node("Mul", Name("square"), [illuminant, illuminant]);
        var length = g.Node("Sqrt", Name("length"), [g.ReduceSumKeepingDims(Name("sum"), squares, 1)]);
        length = g.Clip(Name("length_clamp"), length, 1e-6f, float.PositiveInfinity);
        var floor = g.Clip(Name("illuminant_clamp"), illuminant, 1e-6f, float.PositiveInfinity);
        var scaled = g.Node("Mul", Name("sqrt3"), [floor, g.Scalar(Name("sqrt3.factor"), (float)Math.Sqrt(3))]);
        var gain = g.Node("Div", Name("gain"), [length, scaled]);
        var corrected = g.Node("Mul", Name("apply"), [images, gain]);
        return g.Clip(Name("clamp"), corrected, 0, 255);
    }
}
