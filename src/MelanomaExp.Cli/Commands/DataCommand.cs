using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Acquisition;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>data get</c>: the study's data set from Kaggle (or <c>--from</c> a copy), verified file by file against the shipped manifest.</summary>
internal static class DataCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(TextWriter output, TextWriter errors)
    {
        var from = new Option<string?>("--from") { Description = "A copy you already have: a zip file, an http(s) address of one, or a folder holding Train/ and Test/ (default: Kaggle, with KAGGLE_USERNAME/KAGGLE_KEY or ~/.kaggle/kaggle.json)" };
        var dest = new Option<string?>("--dest") { Description = $"Where the data goes (default: {DownloadedData.DefaultFolder()}, which is then the default data root)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (no progress bar)" };
        var manifest = new Option<string?>("--manifest") { Description = "Check against this path/bytes/sha256 TSV instead of the shipped manifest (tests)", Hidden = true };
        var maxBytes = new Option<long?>("--max-bytes") { Description = "Largest uncompressed size an archive may declare or expand to (tests)", Hidden = true };
        var get = new Command("get", "Download the ISIC 9-class data set (or take --from a copy), check every file against the shipped manifest, and lay it out as Train/<class> and Test/<class>")
        {
            from, dest, json, manifest, maxBytes,
        };
        get.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var asJson = parse.GetValue(json);
            var options = new DataGetOptions
            {
                From = parse.GetValue(from),
                Destination = parse.GetValue(dest),
                Manifest = parse.GetValue(manifest) is { } m ? DatasetManifest.Load(m) : null,
                MaxBytes = parse.GetValue(maxBytes),
                Log = errors.WriteLine,
            };
            try
            {
                var result = DataProgress.Run(options, showBar: !asJson && output == Console.Out && !Console.IsOutputRedirected);
                output.Write(asJson ? Json(result) : Text(result));
                return ExitCodes.Success;
            }
            catch (DataCheckFailedException e) when (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(new JsonObject
                {
                    ["ok"] = false,
                    ["error"] = e.Message,
                    ["missing"] = new JsonArray([.. e.Check.Missing.Select(p => JsonValue.Create(p))]),
                    ["wrong"] = new JsonArray([.. e.Check.Wrong.Select(w => new JsonObject { ["path"] = w.Path, ["problem"] = w.Problem })]),
                    ["extra"] = new JsonArray([.. e.Check.Extra.Select(p => JsonValue.Create(p))]),
                }));
                throw;
            }
            catch (DownloadFailedException e)
            {
                errors.WriteLine($"error: {e.Message}");
                return ExitCodes.Failure;
            }
        }));
        return new Command("data", "Get the data set the experiments read") { get };
    }

    private static string Text(DataGetResult r)
    {
        var lines = new List<string>
        {
            r.AlreadyComplete
                ? $"{r.Destination}: already complete, {r.Verified:N0} files verified (nothing downloaded)"
                : string.Create(CultureInfo.InvariantCulture, $"{r.Destination}: {r.Verified:N0} files verified and in place (from {r.Source}{(r.DownloadedBytes > 0 ? $", {r.DownloadedBytes / 1e6:0.0} MB downloaded" : "")}{(r.Resumes > 0 ? $", resumed {r.Resumes} time(s)" : "")})"),
        };
        if (r.Extra.Count > 0)
        {
            lines.Add($"{r.Extra.Count} extra file(s) not in the manifest were left out: {string.Join(", ", r.Extra.Take(10))}{(r.Extra.Count > 10 ? ", ..." : "")}");
        }
        lines.Add(Path.GetFullPath(r.Destination) == Path.GetFullPath(DownloadedData.DefaultFolder())
            ? "this is the default data root: experiments find it when neither --data-root, MELANOMA_EXP_DATA nor an existing data.root folder says otherwise"
            : $"use it with --data-root {r.Destination} or export MELANOMA_EXP_DATA={r.Destination}");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static string Json(DataGetResult r) => JsonSerializer.Serialize(new JsonObject
    {
        ["ok"] = true,
        ["destination"] = r.Destination,
        ["source"] = r.Source,
        ["already_complete"] = r.AlreadyComplete,
        ["verified"] = r.Verified,
        ["extra"] = new JsonArray([.. r.Extra.Select(p => JsonValue.Create(p))]),
        ["downloaded_bytes"] = r.DownloadedBytes,
        ["resumes"] = r.Resumes,
        ["manifest"] = r.Manifest,
    }, Indented) + Environment.NewLine;
}
