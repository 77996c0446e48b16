using System.Text.Json;
using System.Text.Json.Nodes;
using MelanomaExp.Benchmarking;

namespace MelanomaExp.Reporting;

/// <summary>
/// The bench result as JSON (BENCH.json), for tracking over time. Headline keys at the top level:
/// train_images_per_s, peak_fraction, epoch_overhead_fraction, peak_rss_bytes, peer_train_images_per_s, peer_ratio.
/// </summary>
public static class BenchJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Render(BenchResult r)
    {
        var doc = new JsonObject
        {
            ["train_images_per_s"] = r.TrainImagesPerS,
            ["train_layout"] = r.Fastest.Layout,
            ["achieved_gflops"] = r.AchievedGflops,
            ["ceiling_gflops"] = r.Ceiling.GflopsPerS,
            ["peak_fraction"] = r.PeakFraction,
            ["epoch_overhead_fraction"] = r.EpochOverheadFraction,
            ["peak_rss_bytes"] = r.PeakRssBytes,
            ["peer_train_images_per_s"] = r.PeerFastest?.TrainImagesPerS,
            ["peer_ratio"] = r.PeerRatio,
            ["peer_tuned_train_images_per_s"] = r.PeerTunedFastest?.TrainImagesPerS,
            ["peer_tuned_ratio"] = r.PeerTunedRatio,
            ["environment"] = JsonSerializer.SerializeToNode(r.Environment, Options),
            ["settings"] = JsonSerializer.SerializeToNode(r.Settings, Options),
            ["ceiling"] = JsonSerializer.SerializeToNode(r.Ceiling, Options),
            ["ceilings"] = JsonSerializer.SerializeToNode(r.Ceilings, Options),
            ["gflop_per_image"] = new JsonObject { ["forward"] = r.ForwardGflopPerImage, ["training"] = r.TrainGflopPerImage },
            ["epoch_reference_images_per_s"] = r.EpochReferenceImagesPerS,
            ["in_loop_step_images_per_s"] = r.InLoopStepImagesPerS,
            ["epoch_overhead_epochs"] = r.Epochs is null ? null : new JsonArray([.. r.SteadyEpochs.Select(x => (JsonNode?)x.Breakdown.Epoch)]),
            ["bf16_speedup"] = r.ReducedPrecisionSpeedup,
            ["layouts"] = new JsonArray([.. r.TimedLayouts.Select(l => (JsonNode?)Layout(l))]),
            ["epoch_reference"] = r.EpochReference is { } reference ? Layout(reference) : null,
            ["data"] = r.Data is { } d ? new JsonObject
            {
                ["decoded_files"] = d.DecodedFiles,
                ["decode_one_thread_images_per_s"] = Stats(d.DecodeOneThread),
                ["decode_all_cores_images_per_s"] = Stats(d.DecodeAllCores),
                ["augmentation_images_per_s"] = Stats(d.Augmentation),
                ["rebalance_images_per_s"] = Stats(d.Rebalance),
            } : null,
            ["epochs"] = r.Epochs is { } epochs ? new JsonArray([.. epochs.Select(x => (JsonNode?)new JsonObject
            {
                ["epoch"] = x.Breakdown.Epoch,
                ["images"] = x.Breakdown.Images,
                ["wall_s"] = x.Breakdown.Total,
                ["data_s"] = x.Breakdown.Data,
                ["forward_backward_s"] = x.Breakdown.ForwardBackward,
                ["optimizer_s"] = x.Breakdown.Optimizer,
                ["validation_s"] = x.Breakdown.Validation,
                ["other_s"] = x.Breakdown.Other,
                ["overhead_fraction"] = BenchResult.OverheadOf(x.Breakdown),
                ["peak_rss_bytes"] = x.PeakRssBytes,
            })]) : null,
            ["load_average_at_start"] = r.LoadAtStart,
            ["load_average_at_end"] = r.LoadAtEnd,
            ["layers"] = r.Layers is { } layers ? Layers(layers) : null,
            ["peer_layers"] = r.PeerLayers is { } peerLayers ? new JsonObject
            {
                ["version"] = peerLayers.Version,
                ["threads"] = peerLayers.Threads,
                ["layers"] = Layers(peerLayers.Layers),
                ["slower_in_melanoma_exp"] = r.Layers is { } mine ? new JsonArray([.. LayerMarkdown.Slower(mine, peerLayers).Select(x => (JsonNode?)x)]) : null,
            } : null,
            ["peer"] = r.Peer is { } peer ? JsonSerializer.SerializeToNode(peer, Options) : null,
            ["head_to_head"] = r.HeadToHead is { } duel ? new JsonObject
            {
                ["cycles"] = new JsonArray([.. duel.Cycles.Select(c => (JsonNode?)new JsonObject
                {
                    ["melanoma_exp_train_step_ms"] = c.MelanomaExpMs,
                    ["pytorch_train_step_ms"] = c.PyTorchMs,
                    ["ratio"] = c.Ratio,
                })]),
                ["median_ratio"] = duel.MedianRatio,
            } : null,
        };
        return doc.ToJsonString(Options);
    }

    private static JsonArray Layers(IEnumerable<LayerTiming> layers) => new([.. layers.Select(l => (JsonNode?)new JsonObject
    {
        ["layer"] = l.Layer,
        ["forward_ms"] = Stats(l.ForwardMs),
        ["backward_ms"] = l.BackwardMs is { } b ? Stats(b) : null,
    })]);

    private static JsonObject Layout(LayoutTiming l) => new()
    {
        ["managed_bytes_per_step"] = l.ManagedBytesPerStep,
        ["gen0_collections_per_step"] = l.Gen0CollectionsPerStep,
        ["layout"] = l.Layout,
        ["train_ms"] = Stats(l.TrainMs),
        ["train_images_per_s"] = Stats(l.TrainImagesPerS),
        ["inference_batch"] = l.InferenceBatch,
        ["inference_images_per_s"] = Stats(l.InferenceImagesPerS),
    };

    private static JsonObject Stats(Samples s) => new() { ["min"] = s.Min, ["median"] = s.Median, ["max"] = s.Max };
}
