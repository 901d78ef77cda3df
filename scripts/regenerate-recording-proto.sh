#!/usr/bin/env bash
# Regenerates Sources/Recording/cap_recording_v1_recording.pb.swift from
# assets/proto/cap/recording/v1/recording.proto (messages only: protoc-gen-swift from
# swift-protobuf 1.39.0). The event and common messages it uses live in PeatEvents, the
# NodeConsole ones (a watched node's updates) in PeatRemoteProto.
#
# Needs protoc (Debian: protobuf-compiler). The plugin is built in a throwaway package outside
# the repository (PLUGINS_DIR, default /tmp/peat-protoc-swift), or given as PROTOC_GEN_SWIFT.
# The output is committed: building the project needs none of this.
set -euo pipefail
cd "$(dirname "$0")/.."
swift_plugin=${PROTOC_GEN_SWIFT:-}
if [ -z "$swift_plugin" ]; then
  work=${PLUGINS_DIR:-/tmp/peat-protoc-swift}
  mkdir -p "$work/Dummy"
  cat > "$work/Package.swift" <<'PKG'
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "plugins",
    dependencies: [.package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0")],
    targets: [.target(name: "Dummy", path: "Dummy")]
)
PKG
  echo "public let unused = 0" > "$work/Dummy/Dummy.swift"
  (cd "$work" && swift build -c release --product protoc-gen-swift)
  swift_plugin=$work/.build/release/protoc-gen-swift
fi
out=Sources/Recording
mapping=$(mktemp)
trap 'rm -f "$mapping"' EXIT
cat > "$mapping" <<'MAP'
mapping {
  module_name: "PeatEvents"
  proto_file_path: "cap/common/v1/common.proto"
  proto_file_path: "cap/event/v1/event.proto"
}
mapping {
  module_name: "PeatRemoteProto"
  proto_file_path: "cap/console/v1/console.proto"
}
MAP
rm -f "$out"/*.pb.swift
protoc --plugin=protoc-gen-swift="$swift_plugin" -I assets/proto \
  --swift_out="$out" \
  --swift_opt=Visibility=Public,FileNaming=PathToUnderscores,ProtoPathModuleMappings="$mapping" \
  assets/proto/cap/recording/v1/recording.proto
echo "regenerated: $(ls "$out"/*.pb.swift | tr "\n" " ")"
