namespace MelanomaExp.Acquisition;

/// <summary>What <c>data get</c> is doing: downloading (counted in bytes) or copying and checking files (counted in files).</summary>
public enum AcquisitionStage
{
    Download,
    Check,
}
