import ArgumentParser
import PeatEvents

/// `peat-console convert`: re-frames an event stream from standard input to standard output.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a stream of events between JSON Lines and delimited protobuf (stdin → stdout).",
        discussion: """
            Every good record is written; each bad one is reported on standard error with its byte \
            offset (and line, for JSON Lines) and reason, and the exit status is then 1. \
            Unknown JSON fields (a newer producer's schema) are skipped and named once on standard error. \
            protobuf → jsonl → protobuf gives back the original bytes.

            \(StreamExitStatus.help)
            """
    )

    @Option(help: "Framing of the input: jsonl, protobuf, or auto (decided from the first bytes).")
    var from: StreamFormatChoice = .auto

    @Option(help: "Framing of the output: jsonl or protobuf.")
    var to: StreamFormat

    @Option(name: .customLong("max-record-bytes"), help: "Largest frame or line accepted; longer ones are reported and skipped.")
    var maxRecordBytes: Int = EventStreamDecoder.defaultMaxRecordBytes

    func validate() throws {
        guard maxRecordBytes > 0 else { throw ValidationError("--max-record-bytes must be positive") }
    }

    func run() throws {
        DescriptorOutput.ignoreBrokenPipes()
        var converter = StreamConverter(from: from, to: to, maxRecordBytes: maxRecordBytes)
        let out = DescriptorOutput.standardOutput
        var namedUnknown = Set<String>()
        func emit(_ result: (output: [UInt8], errors: [StreamError])) throws {
            // Error descriptions escape what they quote (InputText.escaped).
            for error in result.errors { DescriptorOutput.standardError.line("peat-console convert: \(error)") }
            for name in converter.unknownFields.names where !namedUnknown.contains(name) {
                namedUnknown.insert(name)
                DescriptorOutput.standardError.line("peat-console convert: unknown field \"\(InputText.escaped(name))\" skipped")
            }
            if !result.output.isEmpty { try DescriptorOutput.check(out.write(result.output), command: "convert") }
        }
        try DescriptorInput.standardInput.forEachChunk { chunk in
            try emit(converter.feed(chunk))
        }
        try emit(converter.finish())
        if converter.errors.total > 0 {
            DescriptorOutput.standardError.line(
                "peat-console convert: \(converter.eventsWritten) events written, \(converter.errors.total) bad records (\(converter.errors))")
            throw ExitCode(StreamExitStatus.badRecords)
        }
    }
}
