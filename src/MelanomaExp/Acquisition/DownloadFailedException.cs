namespace MelanomaExp.Acquisition;

/// <summary>The network gave up after every retry; what arrived is kept so the same command resumes it.</summary>
public sealed class DownloadFailedException(string message, Exception? inner = null) : Exception(message, inner);
