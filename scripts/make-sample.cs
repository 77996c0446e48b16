#!/usr/bin/env -S dotnet run --file
#:package SixLabors.ImageSharp
// Rebuilds samples/isic-9class-64 from the ISIC Train folder: for every class folder, the first 8 file
// names in ordinal order, resized to 64x64 (bicubic, aspect ratio not kept, as the tool stretches) and
// saved as JPEG quality 90 with metadata stripped. Run from the repository root:
//   dotnet run --file scripts/make-sample.cs -- ../shared/data/isic-9class-180/Train samples/isic-9class-64/Train
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Processing;

const int PerClass = 8;
const int Size = 64;
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: make-sample.cs SOURCE_TRAIN_FOLDER DEST_TRAIN_FOLDER");
    return 2;
}
var (source, dest) = (args[0], args[1]);
foreach (var classDir in Directory.GetDirectories(source).Order(StringComparer.Ordinal))
{
    var target = Path.Combine(dest, Path.GetFileName(classDir));
    Directory.CreateDirectory(target);
    foreach (var file in Directory.GetFiles(classDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).Take(PerClass))
    {
        using var image = Image.Load(Path.Combine(classDir, file!));
        image.Mutate(x => x.AutoOrient().Resize(Size, Size));
        image.Metadata.ExifProfile = null;
        image.Metadata.IptcProfile = null;
        image.Metadata.XmpProfile = null;
        image.Save(Path.Combine(target, Path.ChangeExtension(file!, ".jpg")), new JpegEncoder { Quality = 90 });
    }
}
return 0;
