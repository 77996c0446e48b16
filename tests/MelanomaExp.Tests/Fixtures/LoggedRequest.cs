namespace MelanomaExp.Tests.Fixtures;

/// <summary>One request <see cref="LoopbackHttpServer"/> received: the path and the headers the download tests look at.</summary>
public sealed record LoggedRequest(string Path, string? Range, string? Authorization);
