#!/usr/bin/env bash
# Regenerates Sources/PeatRemoteProto/*.swift from assets/proto/cap/console/v1/console.proto:
# the messages (protoc-gen-swift, swift-protobuf 1.39.0) and the NodeConsole client and server
# stubs (protoc-gen-grpc-swift-2, grpc-swift-protobuf 2.4.1).
#
# Needs protoc (Debian: protobuf-compiler). The plugins are built in a throwaway package outside
# the repository (PLUGINS_DIR, default /tmp/peat-protoc-plugins), or given as PROTOC_GEN_SWIFT and
# PROTOC_GEN_GRPC_SWIFT. The output is committed: building the project needs none of this.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
swift_plugin=${PROTOC_GEN_SWIFT:-}
grpc_plugin=${PROTOC_GEN_GRPC_SWIFT:-}
if [ -z "$swift_plugin" ] || [ -z "$grpc_plugin" ]; then
  work=${PLUGINS_DIR:-/tmp/peat-protoc-plugins}
  mkdir -p "$work/Dummy"
  cat > "$work/Package.swift" <<'PKG'
// swift-tools-version: 6.1
import PackageDescription
let package = Package(
    name: "plugins",
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", exact: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
    ],
    targets: [.target(name: "Dummy", path: "Dummy")]
)
PKG
  echo "public let unused = 0" > "$work/Dummy/Dummy.swift"
  # One product per build: two --product flags build only the last.
  (cd "$work" && swift build -c release --product protoc-gen-swift && swift build -c release --product protoc-gen-grpc-swift-2)
  swift_plugin=$work/.build/release/protoc-gen-swift
  grpc_plugin=$work/.build/release/protoc-gen-grpc-swift-2
fi
out=Sources/PeatRemoteProto
# The schema's messages live in PeatEvents (scripts/regenerate-proto.sh): map them there.
mapping=$(mktemp)
trap 'rm -f "$mapping"' EXIT
cat > "$mapping" <<'MAP'
mapping {
  module_name: "PeatEvents"
  proto_file_path: "cap/common/v1/common.proto"
  proto_file_path: "cap/event/v1/event.proto"
}
MAP
rm -f "$out"/*.pb.swift "$out"/*.grpc.swift
protoc --plugin=protoc-gen-swift="$swift_plugin" --plugin=protoc-gen-grpc-swift-2="$grpc_plugin" \
  -I assets/proto \
  --swift_out="$out" \
  --swift_opt=Visibility=Public,FileNaming=PathToUnderscores,ProtoPathModuleMappings="$mapping" \
  --grpc-swift-2_out="$out" \
  --grpc-swift-2_opt=Visibility=Public,Server=true,Client=true,FileNaming=PathToUnderscores,ProtoPathModuleMappings="$mapping" \
  assets/proto/cap/console/v1/console.proto
echo "regenerated: $(ls "$out"/*.pb.swift "$out"/*.grpc.swift | tr "\n" " ")"
