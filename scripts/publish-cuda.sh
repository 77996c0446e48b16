#!/usr/bin/env bash
# Publishes a self-contained CUDA build of melanoma-exp for Linux x64 (TorchSharp-cuda-linux, libtorch 2.10
# with CUDA 12.8 and cuDNN 9): a folder with the .NET runtime, the tool and libtorch's CUDA libraries, run
# as <output>/melanoma-exp. A CUDA build is published, not packed into a local tool package like the CPU
# one (scripts/install-tool.sh): the CUDA natives are 5-6 GB, and packing them costs tens of GB of disk.
#
#   scripts/publish-cuda.sh [--output DIR] [--temp DIR] [extra dotnet publish arguments]
#
#   --output DIR  where the build goes (default artifacts/melanoma-exp-cuda); replaced on each publish
#   --temp DIR    temporary space (default $TMPDIR or /tmp). The CUDA packages arrive as fragments that are
#                 stitched back together in temporary files on the first restore; libtorch_cuda.so alone is
#                 over 1.9 GB, so the temp folder needs a few GB free. Point it at a big disk if /tmp is small.
#
# Never run here: the machine this was written on has no GPU and no access to TorchSharp-cuda-linux.
set -euo pipefail
cd "$(dirname "$0")/.."

output=artifacts/melanoma-exp-cuda
temp=${TMPDIR:-/tmp}
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output=${2:?--output needs a folder}; shift 2 ;;
    --temp) temp=${2:?--temp needs a folder}; shift 2 ;;
    *) break ;;
  esac
done

free_gb() { df -Pk "$1" | awk 'NR == 2 { printf "%d", $4 / 1048576 }'; }
mkdir -p "$temp" "$(dirname "$output")"
packages=${NUGET_PACKAGES:-$HOME/.nuget/packages}
mkdir -p "$packages"
# Estimates from the package sizes (5-6 GB of natives), not measured: see README, "GPU".
for check in "$temp:3:temporary files (--temp)" "$packages:12:the NuGet package cache (NUGET_PACKAGES)" "$(dirname "$output"):7:the published build (--output)"; do
  IFS=: read -r dir need what <<<"$check"
  have=$(free_gb "$dir")
  if [ "$have" -lt "$need" ]; then
    echo "warning: $dir has ${have} GB free; $what needs about ${need} GB" >&2
  fi
done

# The stitching runs inside MSBuild and takes its temp folder from TMPDIR; build servers started earlier
# with another TMPDIR would ignore it, hence --disable-build-servers.
export TMPDIR=$temp
rm -rf "$output"
dotnet publish src/MelanomaExp.Cli -c Release -r linux-x64 --self-contained -p:TorchBackend=cuda \
  --disable-build-servers -o "$output" --nologo "$@"

echo "published: $output ($(du -sh "$output" | cut -f1))"
echo "check the GPU:  $output/melanoma-exp run experiments/smoke.yaml --device cuda --audit-determinism --data-root DIR --output out/gpu-smoke"
