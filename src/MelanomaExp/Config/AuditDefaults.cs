namespace MelanomaExp.Config;

public static class AuditDefaults
{
    /// <summary>Near-duplicate threshold in bits (of 64); measured on the ISIC Train folder: every pair within 2 bits is the same lesion; at 4 bits different lesions start to match.</summary>
    public const int Threshold = 2;
}
