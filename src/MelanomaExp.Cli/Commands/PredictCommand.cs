using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Inference;

namespace MelanomaExp.Cli.Commands;

/// <summary><c>predict --model PATH IMAGE_OR_DIR...</c>: top classes per image, and a flag when the positive class passes the threshold.</summary>
internal static class PredictCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var model = new Option<string>("--model") { Description = "Model folder (models/<step> in a report) or its model.json", Required = true };
        var inputs = new Argument<string[]>("images") { Description = "Image files or folders", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var threshold = NumberOptions.Probability("--threshold", "Probability of the positive class that flags an image (default: the model's, from validation)");
        var top = NumberOptions.Whole("--top", "How many classes to show per image", 1, int.MaxValue, 3);
        var command = new Command("predict", "Classify images with a saved model") { model, inputs, json, threshold, top };
        command.SetAction(parse => ExitCodes.Guard(errors, () =>
        {
            var cut = parse.GetValue(threshold);
            // The rate goes to stderr, so stdout stays the predictions alone (and --json stays parseable).
            var predictions = Predictor.Run(parse.GetValue(model)!, parse.GetValue(inputs)!, cut, parse.GetValue(top), rate => errors.WriteLine(rate.Describe()));
            if (parse.GetValue(json))
            {
                var array = new JsonArray([.. predictions.Select(p => (JsonNode?)new JsonObject
                {
                    ["path"] = p.Path,
                    ["top"] = new JsonArray([.. p.Top.Select(t => (JsonNode?)new JsonObject { ["class"] = t.Class, ["probability"] = t.Probability })]),
                    ["positive_class"] = p.PositiveClass,
                    ["positive_probability"] = p.PositiveProbability,
                    ["flagged"] = p.Flagged,
                })]);
                output.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }
            foreach (var p in predictions)
            {
                var classes = string.Join(", ", p.Top.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Class} {t.Probability * 100:0.0}%")));
                var flag = p.Flagged ? string.Create(CultureInfo.InvariantCulture, $"  <-- {p.PositiveClass} {p.PositiveProbability * 100:0.0}%: refer to a dermatologist") : "";
                output.WriteLine($"{p.Path}: {classes}{flag}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}
