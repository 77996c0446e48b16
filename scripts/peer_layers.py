#!/usr/bin/python3
"""Per-layer timing of the seed CNN's training step in PyTorch: the peer of melanoma-exp's per-layer bench.

Run: /usr/bin/python3 scripts/peer_layers.py [--size 180] [--batch 32] [--threads 2] [--steps 5] [--warmup 2]
     (Debian's python3-torch; `melanoma-exp bench --peer` runs it with GLIBC_TUNABLES set as melanoma-exp
     sets malloc, so engine meets engine.)
Does what src/MelanomaExp/Benchmarking/LayerBench.cs does, under the same layer names: channels-last input
of whole numbers 0..255, each layer's forward timed alone on the activation it sees in a real step (with
autograd recording), each backward timed alone on a graph rebuilt untimed, with a random output gradient of
the output's own memory order, after zeroing that layer's parameter gradients in place; the first
convolution's input needs no gradient. Then the loss, Adam's step (eps 1e-7, lr 1e-3) with every gradient
present, and zero_grad. Prints one JSON line: per layer the milliseconds of each timed round.
"""
import argparse, json, time
from collections import OrderedDict

import torch
import torch.nn as nn


def seed_cnn(size: int, classes: int) -> nn.Module:
    side = size // 8
    layers = OrderedDict()
    channels = 3
    for i, filters in enumerate((32, 64, 128), start=1):
        layers[f"conv{i}"] = nn.Conv2d(channels, filters, 3, padding=1)
        layers[f"relu{i}"] = nn.ReLU()
        layers[f"pool{i}"] = nn.MaxPool2d(2)
        channels = filters
    layers["flatten"] = nn.Flatten()
    layers["dense"] = nn.Linear(side * side * 128, 128)
    layers["relu_dense"] = nn.ReLU()
    layers["classifier"] = nn.Linear(128, classes)
    return nn.Sequential(layers)


def timed(fn, warmup, steps, setup=None):
    times = []
    for i in range(warmup + steps):
        made = setup() if setup else None
        t0 = time.perf_counter()
        fn(made)
        if i >= warmup:
            times.append((time.perf_counter() - t0) * 1000.0)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=180)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--classes", type=int, default=9)
    a = ap.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(42)
    model = seed_cnn(a.size, a.classes).to(memory_format=torch.channels_last)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    x = torch.randint(0, 256, (a.batch, a.size, a.size, 3), dtype=torch.uint8).float().permute(0, 3, 1, 2)
    y = torch.randint(0, a.classes, (a.batch,))
    loss_fn = nn.CrossEntropyLoss()
    w, n = a.warmup, a.steps
    layers = [{"layer": "rescale", "forward_ms": timed(lambda _: x / 255.0, w, n), "backward_ms": None}]

    activation = x / 255.0
    for index, (name, layer) in enumerate(model.named_children()):
        inp = activation.detach().requires_grad_(index > 0)
        forward = timed(lambda _: layer(inp), w, n)
        gradient = torch.randn_like(layer(inp))

        def rebuild():
            layer.zero_grad(set_to_none=False)
            return layer(inp)

        backward = timed(lambda out: out.backward(gradient), w, n, rebuild)
        layers.append({"layer": name, "forward_ms": forward, "backward_ms": backward})
        with torch.no_grad():
            activation = layer(inp)

    logits = activation.detach().requires_grad_(True)
    layers.append({"layer": "loss", "forward_ms": timed(lambda _: loss_fn(logits, y), w, n),
                   "backward_ms": timed(lambda loss: loss.backward(), w, n, lambda: loss_fn(logits, y))})
    loss_fn(model(x / 255.0), y).backward()
    layers.append({"layer": "adam_step", "forward_ms": timed(lambda _: opt.step(), w, n), "backward_ms": None})
    layers.append({"layer": "zero_grad", "forward_ms": timed(lambda _: opt.zero_grad(set_to_none=False), w, n),
                   "backward_ms": None})
    print(json.dumps({"engine": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads(),
                      "size": a.size, "batch": a.batch, "layout": "nhwc", "layers": layers}))


if __name__ == "__main__":
    main()
