// Fuzz targets for PeatConsole's decoders and user-text parsers.
//
// Built normally, `peat-fuzz TARGET FILE|DIR…` replays inputs through a target (regression
// runs). Built for fuzzing (scripts/fuzz.sh: -sanitize=fuzzer,address -DFUZZING, linked with
// lld), `peat-fuzz TARGET [libFuzzer flags] CORPUS…` runs libFuzzer on that target.
import Foundation

#if FUZZING
nonisolated(unsafe) private var selected: FuzzTarget?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected?.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

@main
struct PeatFuzz {
    static func main() {
        let args = CommandLine.arguments
        guard args.count >= 2, let target = FuzzTarget.named(args[1]) else {
            var err = FileHandle.standardError
            print("usage: peat-fuzz TARGET [FILE|DIR…]\ntargets:", to: &err)
            for t in FuzzTarget.all { print("  \(t.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(t.summary)", to: &err) }
            exit(2)
        }
        #if FUZZING
        selected = target
        // libFuzzer sees the program name followed by everything after the target name.
        var argc = CommandLine.argc - 1
        let argv = CommandLine.unsafeArgv
        argv[1] = argv[0]
        var shifted: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv + 1
        exit(runFuzzerDriver(&argc, &shifted, fuzzOneInput))
        #else
        var inputs = 0
        for path in args.dropFirst(2) {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { raw in target.run(raw.bindMemory(to: UInt8.self)) }
                inputs += 1
            }
        }
        print("peat-fuzz \(target.name): \(inputs) inputs replayed, no invariant failed")
        #endif
    }

    /// `path` itself, or the regular files directly inside it when it is a directory.
    static func files(at path: String) -> [String] {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        guard isDir.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().map { path + "/" + $0 }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
