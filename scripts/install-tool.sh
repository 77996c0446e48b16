#!/usr/bin/env bash
# Packs the melanoma-exp tool into artifacts/tool and installs it from the repository's tool manifest
# (tool-manifest.json, seen by the SDK through .config/dotnet-tools.json), so that
# `dotnet melanoma-exp ...` runs this checkout's code.
#   scripts/install-tool.sh                      CPU build (TorchSharp-cpu)
#   scripts/install-tool.sh -p:TorchBackend=cuda CUDA build (needs the TorchSharp-cuda-linux package)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*<Version>\(.*\)<\/Version>.*/\1/p' Directory.Build.props)
dotnet pack src/MelanomaExp.Cli -c Release -o artifacts/tool --nologo -v quiet "$@"
# NuGet caches a package by id and version; drop a stale copy so the restore takes this build.
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/melanoma-exp/$version"
dotnet tool restore --add-source artifacts/tool
