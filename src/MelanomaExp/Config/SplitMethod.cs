namespace MelanomaExp.Config;

/// <summary>How <c>data.validation_split</c> picks validation images.</summary>
public enum SplitMethod
{
    /// <summary>This tool's own seeded split (stratified by class unless <c>stratify: false</c>).</summary>
    Seeded,

    /// <summary>Keras' split bit for bit: numpy's RandomState(seed) shuffle of the sorted path list, last int(f*N) validation.</summary>
    Keras,
}
