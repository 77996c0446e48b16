namespace MelanomaExp.Acquisition;

/// <summary>Progress of one stage: bytes for a download, files for copying and checking; <see cref="Total"/> is null when the server does not say.</summary>
public sealed record AcquisitionProgress(AcquisitionStage Stage, long Done, long? Total);
