namespace MelanomaExp.Augmentation.Offline;

/// <summary>Images made by a rebalance pipeline: pixels (N x H x W x 3), labels, the store index each was made from, cache files and content hashes.</summary>
internal sealed record GeneratedImages(byte[] Pixels, int[] Labels, int[] Sources, string[] Files, string[] Hashes, int[] PerClass, bool FromCache, string CacheDir);
