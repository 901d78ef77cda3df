#!/usr/bin/env bash
# Regenerates Sources/PeatEvents/Schema/*.pb.swift from assets/proto.
# Needs protoc (Debian: protobuf-compiler) and protoc-gen-swift from swift-protobuf 1.39.0.
# The generated code is committed, so neither tool is needed to build the project.
set -euo pipefail
cd "$(dirname "$0")/.."
plugin=${PROTOC_GEN_SWIFT:-}
if [ -z "$plugin" ]; then
  work=.build-protoc-gen-swift
  if [ ! -x "$work/sp/.build/release/protoc-gen-swift" ]; then
    mkdir -p "$work"
    [ -d "$work/sp" ] || git clone -q https://github.com/apple/swift-protobuf "$work/sp"
    git -C "$work/sp" checkout -q 1.39.0
    (cd "$work/sp" && swift build -c release --product protoc-gen-swift)
  fi
  plugin=$work/sp/.build/release/protoc-gen-swift
fi
out=Sources/PeatEvents/Schema
rm -f "$out"/*.pb.swift
protoc --plugin=protoc-gen-swift="$plugin" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=PathToUnderscores \
  --swift_out="$out" -I assets/proto \
  assets/proto/cap/common/v1/common.proto assets/proto/cap/event/v1/event.proto
echo "regenerated: $(ls "$out"/*.pb.swift | tr '\n' ' ')"
