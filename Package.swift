// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "PeatConsole",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PeatEvents", targets: ["PeatEvents"]),
        .library(name: "PeatDemo", targets: ["PeatDemo"]),
        .library(name: "PeatInputs", targets: ["PeatInputs"]),
        .library(name: "Console", targets: ["Console"]),
        .library(name: "LocalNode", targets: ["LocalNode"]),
        .executable(name: "peat-console", targets: ["peat-console"]),
        .executable(name: "peat-bench", targets: ["peat-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        // Remote nodes only (PeatRemoteProto, NodeService, RemoteNode): gRPC over HTTP/2 on NIO.
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Queueing-delay percentiles per level (Console's node model): HdrHistogram, not a hand-written one.
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
    ],
    targets: [
        // The event core: schema, emitter, queue, schedulers, store, link model, codecs.
        .target(
            name: "PeatEvents",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "DequeModule", package: "swift-collections"),
            ]
        ),
        // The demo scenario: one demo→event source for run, gen, soak and peat-bench.
        .target(name: "PeatDemo", dependencies: ["PeatEvents"]),
        // Live inputs: files, FIFOs, stdin and Unix sockets read on their own threads; export files.
        .target(name: "PeatInputs", dependencies: ["PeatEvents"]),
        // The app: state, node models, actions, update, views, cell buffer. No terminal library,
        // no threads, no node implementation here.
        .target(name: "Console", dependencies: ["PeatEvents", .product(name: "Histogram", package: "hdrhistogram-swift")]),
        // The in-process node source: an emitter with the demo, live inputs and the link model.
        .target(name: "LocalNode", dependencies: ["Console", "PeatEvents", "PeatDemo", "PeatInputs",
                                                 .product(name: "DequeModule", package: "swift-collections")]),
        // NodeConsole's generated messages and stubs (assets/proto/cap/console/v1/console.proto,
        // scripts/regenerate-console-proto.sh), and their conversions to and from the console's
        // node model. The only target with generated gRPC code.
        .target(
            name: "PeatRemoteProto",
            dependencies: [
                "PeatEvents", "Console",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ]
        ),
        // The node side: serves NodeConsole for an emitter a program owns (what
        // console-subscriber is to tokio), with token auth, TLS and bounded watchers.
        .target(
            name: "NodeService",
            dependencies: [
                "PeatRemoteProto", "PeatEvents", "Console", "LocalNode",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The console side: a NodeSource that watches a remote node and sends its control calls.
        .target(
            name: "RemoteNode",
            dependencies: [
                "PeatRemoteProto", "PeatEvents", "Console",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ]
        ),
        // Record and replay (`--record`, `replay`, `snapshot --replay`): the recording format
        // (assets/proto/cap/recording/v1/recording.proto, generated once and committed), its
        // writer and damage-tolerant reader, and the replay with checkpoints and its player. A
        // watched node replays from its recorded inputs (PeatRemoteProto's fold), not gRPC.
        .target(
            name: "Recording",
            dependencies: [
                "Console", "LocalNode", "PeatEvents", "PeatRemoteProto",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // The soak harness: the console under load, RSS sampled, a growth rule.
        .target(name: "PeatSoak", dependencies: ["Console", "LocalNode", "PeatDemo", "PeatEvents"]),
        // ncursesw, wrapped for Swift (macros and globals Swift cannot import directly).
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only module that touches ncurses.
        .target(name: "NcursesBackend", dependencies: ["CNcurses", "Console"]),
        .executableTarget(
            name: "peat-console",
            dependencies: [
                "PeatEvents", "PeatDemo", "PeatInputs", "Console", "LocalNode", "PeatSoak", "NcursesBackend",
                "NodeService", "RemoteNode", "PeatRemoteProto", "Recording",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // NodeConsole at scale (loopback): a node's emit rate under 16 watchers, a console over 64 nodes.
        .executableTarget(name: "peat-remote-bench", dependencies: ["NodeService", "RemoteNode", "PeatRemoteProto", "Console", "LocalNode", "PeatEvents", "PeatSoak"]),
        .executableTarget(name: "peat-bench", dependencies: ["PeatEvents", "PeatDemo", "Console", "LocalNode", "PeatSoak"]),
        // Fuzz targets (scripts/fuzz.sh); built normally they replay a corpus.
        .executableTarget(name: "peat-fuzz", dependencies: ["PeatEvents", "PeatDemo", "Console", "LocalNode", "Recording"]),
        .testTarget(name: "PeatEventsTests", dependencies: ["PeatEvents", "PeatDemo", "PeatInputs"]),
        // Golden/ holds whole-frame goldens read by path (GoldenTests), not resources.
        .testTarget(name: "ConsoleTests", dependencies: ["Console", "LocalNode", "PeatSoak", "PeatDemo", "PeatInputs", "PeatEvents"],
                    exclude: ["Golden"]),
        // NodeConsole in process: the hub, the server and a remote source on loopback.
        .testTarget(name: "RemoteTests", dependencies: ["NodeService", "RemoteNode", "PeatRemoteProto", "Console", "LocalNode", "PeatEvents", "Recording",
                                                     .product(name: "Logging", package: "swift-log")]),
        // Record, replay, seek, damage.
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "Console", "LocalNode", "PeatEvents", "PeatDemo", "PeatInputs", "PeatRemoteProto"]),
        .testTarget(name: "EndToEndTests", dependencies: ["PeatEvents", "PeatDemo", "PeatInputs"]),
    ]
)
