import Foundation
import Testing
@testable import PeatEvents

@Suite("Codecs: framings round trip")
struct CodecsRoundTripTests {
    @Test("each framing decodes what its encoder wrote", arguments: StreamFormat.allCases)
    func roundTrip(format: StreamFormat) {
        let sample = codecSampleEvents()
        let records = EventStreamDecoder.decodeAll(encoded(sample, format), format: format == .jsonl ? .jsonl : .protobuf)
        #expect(errors(of: records).isEmpty)
        #expect(events(of: records) == sample)
    }

    @Test("JSON Lines are swift-protobuf's proto3 JSON, one object per line")
    func jsonLinesAreProto3JSON() throws {
        let sample = codecSampleEvents(count: 5)
        let text = String(decoding: encoded(sample, .jsonl), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == sample.count + 1 && lines.last == "")
        for (line, event) in zip(lines, sample) {
            #expect(String(line) == (try event.jsonString()))
        }
        #expect(text.contains("\"eventId\""))
    }

    @Test("delimited frames are a varint length then the serialized event")
    func delimitedFraming() throws {
        var big = event("x")
        big.payloadValue = Data(repeating: 0x41, count: 300)
        let body: [UInt8] = try big.serializedBytes()
        let bytes = encoded([big], .protobuf)
        // 300+ bytes need a two-byte varint.
        #expect(bytes[0] == UInt8(body.count & 0x7F) | 0x80 && bytes[1] == UInt8(body.count >> 7))
        #expect(Array(bytes[2...]) == body)
    }

    @Test("varints of every width decode, and values past 64 bits are bad")
    func varints() {
        for value: UInt64 in [0, 1, 127, 128, 300, 1 << 20, 1 << 35, UInt64.max] {
            var out: [UInt8] = []
            EventStreamEncoder.appendVarint(value, to: &out)
            var decoder = DelimitedDecoder(maxFrameBytes: 1 << 20)
            let records = decoder.feed(out)
            if value == 0 {
                #expect(events(of: records).count == 1)  // an empty frame is an empty event
            } else if value > 1 << 20 {
                #expect(errors(of: records).map(\.reason) == [.oversizeFrame])
            } else {
                #expect(records.isEmpty)
                #expect(errors(of: decoder.finish()).map(\.reason) == [.truncated])
            }
        }
    }
}

@Suite("Codecs: JSON Lines errors")
struct JSONLinesErrorTests {
    let good = codecSampleEvents(count: 6)

    func line(_ e: PeatEvent) -> [UInt8] { Array((try! e.jsonString() + "\n").utf8) }

    @Test("a malformed line is reported with its line and offset, and the next line still decodes")
    func malformed() {
        let bad: [UInt8] = Array("{\"eventId\": \n".utf8)
        // (An unknown field no longer makes a line bad: see UnknownFieldTests.)
        let wrongType: [UInt8] = Array("{\"eventId\": {\"no\": 1}}\n".utf8)
        let stream = line(good[0]) + bad + line(good[1]) + wrongType + line(good[2])
        let records = EventStreamDecoder.decodeAll(stream, format: .jsonl)
        #expect(events(of: records) == Array(good[0..<3]))
        let errs = errors(of: records)
        #expect(errs.map(\.reason) == [.malformedJSON, .malformedJSON])
        #expect(errs[0].position == StreamPosition(offset: line(good[0]).count, line: 2))
        #expect(errs[1].position.line == 4)
        #expect(!errs[1].detail.isEmpty)
    }

    @Test("invalid UTF-8 is its own reason")
    func invalidUTF8() {
        let stream = Array("{\"eventId\":\"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8) + line(good[0])
        let records = EventStreamDecoder.decodeAll(stream, format: .jsonl)
        #expect(errors(of: records).map(\.reason) == [.invalidUTF8])
        #expect(errors(of: records)[0].position == StreamPosition(offset: 0, line: 1))
        #expect(events(of: records) == [good[0]])
    }

    @Test("an oversize line is skipped and the next line decodes")
    func oversize() {
        let long = Array("{\"eventId\":\"\(String(repeating: "x", count: 500))\"}\n".utf8)
        let stream = line(good[0]) + long + line(good[1])
        let records = EventStreamDecoder.decodeAll(stream, format: .jsonl, maxRecordBytes: 400)
        #expect(events(of: records) == [good[0], good[1]])
        #expect(errors(of: records).map(\.reason) == [.oversizeFrame])
        #expect(errors(of: records)[0].position.line == 2)
    }

    @Test("blank lines are skipped, CRLF is accepted, line numbers count every line")
    func blankAndCRLF() {
        var crlf = line(good[1])
        crlf.insert(0x0D, at: crlf.count - 1)
        let stream = Array("\n  \n".utf8) + line(good[0]) + crlf + Array("oops\n".utf8)
        let records = EventStreamDecoder.decodeAll(stream, format: .jsonl)
        #expect(events(of: records) == [good[0], good[1]])
        #expect(errors(of: records).map(\.position.line) == [5])
    }

    @Test("a last line without a newline decodes; an unparseable one is truncated")
    func finalLine() {
        var complete = line(good[0]); complete.removeLast()
        let ok = EventStreamDecoder.decodeAll(complete, format: .jsonl)
        #expect(events(of: ok) == [good[0]] && errors(of: ok).isEmpty)

        let cut = Array(line(good[1]).prefix(20))
        let records = EventStreamDecoder.decodeAll(line(good[0]) + cut, format: .jsonl)
        #expect(events(of: records) == [good[0]])
        #expect(errors(of: records).map(\.reason) == [.truncated])
        #expect(errors(of: records)[0].position == StreamPosition(offset: line(good[0]).count, line: 2))
    }
}

@Suite("Codecs: delimited protobuf errors")
struct DelimitedErrorTests {
    let good = codecSampleEvents(count: 6)

    func framed(_ e: PeatEvent) -> [UInt8] { encoded([e], .protobuf) }

    @Test("a malformed frame is reported at its offset, and the next frame decodes")
    func malformed() {
        let bad = frame([0x0F, 0xFF, 0xFF])  // wire type 7 does not exist
        let cutField = frame([0x0A, 0x05, 0x61])  // a 5-byte string with 1 byte
        let stream = framed(good[0]) + bad + cutField + framed(good[1])
        let records = EventStreamDecoder.decodeAll(stream, format: .protobuf)
        #expect(events(of: records) == [good[0], good[1]])
        #expect(errors(of: records).map(\.reason) == [.malformedProtobuf, .malformedProtobuf])
        #expect(errors(of: records)[0].position == StreamPosition(offset: framed(good[0]).count))
        #expect(errors(of: records)[1].position.offset == framed(good[0]).count + bad.count)
    }

    @Test("a string field that is not UTF-8 is reported as invalid UTF-8")
    func invalidUTF8() {
        let stream = frame([0x0A, 0x02, 0xC3, 0x28]) + framed(good[0])
        let records = EventStreamDecoder.decodeAll(stream, format: .protobuf)
        #expect(errors(of: records).map(\.reason) == [.invalidUTF8])
        #expect(events(of: records) == [good[0]])
    }

    @Test("an oversize frame is skipped unread and the next frame decodes")
    func oversize() {
        var big = good[0]
        big.payloadValue = Data(repeating: 7, count: 5000)
        let stream = framed(good[1]) + framed(big) + framed(good[2])
        let records = EventStreamDecoder.decodeAll(stream, format: .protobuf, maxRecordBytes: 4096)
        #expect(events(of: records) == [good[1], good[2]])
        let errs = errors(of: records)
        #expect(errs.map(\.reason) == [.oversizeFrame])
        #expect(errs[0].position.offset == framed(good[1]).count)
        #expect(errs[0].detail.contains("4096"))
    }

    @Test("a length prefix past 64 bits is a bad varint; reading resumes after it")
    func badVarint() {
        let stream = framed(good[0]) + [UInt8](repeating: 0xFF, count: 10) + framed(good[1])
        let records = EventStreamDecoder.decodeAll(stream, format: .protobuf)
        #expect(errors(of: records).map(\.reason) == [.badVarint])
        #expect(errors(of: records)[0].position.offset == framed(good[0]).count)
        #expect(events(of: records) == [good[0], good[1]])
    }

    @Test("a stream cut inside a frame or its prefix reports a truncated final frame",
          arguments: [1, 2, 30])
    func truncated(keep: Int) {
        var big = good[2]
        big.payloadValue = Data(repeating: 1, count: 200)  // a two-byte prefix
        let last = framed(big)
        let stream = framed(good[0]) + last.prefix(keep)
        let records = EventStreamDecoder.decodeAll(stream, format: .protobuf)
        #expect(events(of: records) == [good[0]])
        #expect(errors(of: records).map(\.reason) == [.truncated])
        #expect(errors(of: records)[0].position.offset == framed(good[0]).count)
    }
}

@Suite("Codecs: partial reads")
struct PartialReadTests {
    /// A stream mixing good records with every decodable error kind of its framing.
    static func mixed(_ format: StreamFormat) -> [UInt8] {
        let good = codecSampleEvents(count: 8)
        let g = { (i: Int) in encoded([good[i]], format) }
        switch format {
        case .jsonl:
            return g(0) + Array("{\"eventId\": \n".utf8) + g(1) + Array("{\"eventId\":\"".utf8) + [0xC3, 0x28]
                + Array("\"}\n".utf8) + g(2) + Array("\r\n\n".utf8)
                + Array("{\"eventId\":\"\(String(repeating: "y", count: 600))\"}\n".utf8) + g(3) + g(4) + g(5)
                + Array(g(7).prefix(25))
        case .protobuf:
            var big = good[0]
            big.payloadValue = Data(repeating: 9, count: 600)
            return g(0) + frame([0x0F, 0xFF]) + g(1) + frame([0x0A, 0x02, 0xC3, 0x28]) + g(2)
                + encoded([big], .protobuf) + g(3) + [UInt8](repeating: 0x80, count: 9) + [0x7F] + g(4)
                + frame([]) + g(5) + Array(g(7).prefix(12))
        }
    }

    /// Above every good record of `mixed`, below its oversize one.
    static let limit = 500

    static let cases: [(StreamFormat, StreamFormatChoice)] =
        [(.jsonl, .jsonl), (.jsonl, .auto), (.protobuf, .protobuf), (.protobuf, .auto)]

    var limit: Int { PartialReadTests.limit }

    @Test("two chunks split at every byte boundary decode exactly as one chunk",
          arguments: cases)
    func everySplit(format: StreamFormat, choice: StreamFormatChoice) {
        let stream = PartialReadTests.mixed(format)
        let whole = EventStreamDecoder.decodeAll(stream, format: choice, maxRecordBytes: limit)
        #expect(events(of: whole).count >= 6)
        #expect(Set(errors(of: whole).map(\.reason)).count == (format == .jsonl ? 4 : 5))
        #expect(errors(of: whole).last?.reason == .truncated)
        for split in 0...stream.count {
            var decoder = EventStreamDecoder(choice, maxRecordBytes: limit)
            let records = decoder.feed(stream[..<split]) + decoder.feed(stream[split...]) + decoder.finish()
            if records != whole {
                Issue.record("split at \(split) of \(stream.count) differs")
                return
            }
        }
    }

    @Test("one byte at a time decodes exactly as one chunk", arguments: cases)
    func byteByByte(format: StreamFormat, choice: StreamFormatChoice) {
        let stream = PartialReadTests.mixed(format)
        let whole = EventStreamDecoder.decodeAll(stream, format: choice, maxRecordBytes: limit)
        var decoder = EventStreamDecoder(choice, maxRecordBytes: limit)
        var records: [StreamRecord] = []
        for byte in stream { records += decoder.feed(CollectionOfOne(byte)) }
        records += decoder.finish()
        #expect(records == whole)
    }
}

@Suite("Codecs: format detection")
struct FormatDetectionTests {
    @Test("JSON Lines and protobuf are told apart by their first bytes")
    func plain() {
        let sample = codecSampleEvents(count: 4)
        #expect(StreamFormat.detect(encoded(sample, .jsonl)) == .jsonl)
        #expect(StreamFormat.detect(encoded(sample, .protobuf)) == .protobuf)
        #expect(StreamFormat.detect(Array("\n\n  ".utf8) + encoded(sample, .jsonl)) == .jsonl)
        #expect(StreamFormat.detect([UInt8]()) == nil)
        #expect(StreamFormat.detect([UInt8](), isComplete: true) == .jsonl)
    }

    @Test("a first frame whose length byte looks like JSON (10 is \\n, 123 is {) is still protobuf",
          arguments: [10, 123])
    func ambiguousLength(length: Int) throws {
        var e = PeatEvent()
        e.eventID = "a"
        e.payloadValue = Data(repeating: 0x41, count: length - 5)  // 3 (id) + 2 (payload tag+len)
        #expect(try (e.serializedBytes() as [UInt8]).count == length)
        let stream = encoded([e, e], .protobuf)
        #expect(StreamFormat.detect(stream.prefix(length)) == nil)  // needs the whole frame
        #expect(StreamFormat.detect(stream) == .protobuf)
        #expect(events(of: EventStreamDecoder.decodeAll(stream, format: .auto)) == [e, e])
    }

    @Test("garbage that is neither is taken as JSON Lines and reported line by line")
    func neither() {
        let records = EventStreamDecoder.decodeAll(Array("{nope}\n{also nope}\n".utf8), format: .auto)
        #expect(errors(of: records).map(\.reason) == [.malformedJSON, .malformedJSON])
    }
}

@Suite("Codecs: ingest and convert")
struct IngestAndConvertTests {
    @Test("events go through the emitter: local ones to the store, others to the queue")
    func ingestRoutes() {
        let sample = codecSampleEvents(count: 30)
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        var ingest = StreamIngest()
        ingest.apply(EventStreamDecoder.decodeAll(encoded(sample, .protobuf), format: .auto), from: "test", to: emitter)
        #expect(ingest.events == sample.count && ingest.errors.total == 0)
        #expect(emitter.localCount == sample.filter(\.isStoredLocally).count)
        #expect(emitter.pendingCount == sample.count - emitter.localCount)
    }

    @Test("an event the emitter refuses is counted as rejected at its record's position")
    func emitterRejected() {
        let good = codecSampleEvents(count: 4)
        let first = encoded([good[0]], .jsonl)
        let stream = first + Array("{}\n{\"eventType\":\"x\"}\nbad\n".utf8) + encoded([good[1]], .jsonl)
        let emitter = EventEmitter(nodeID: "n", formationID: "f")
        var ingest = StreamIngest(recentLimit: 2)
        let batch = ingest.apply(EventStreamDecoder.decodeAll(stream, format: .jsonl), from: "test", to: emitter)
        // Every error counted; the last `recentLimit` (2) described, with their positions.
        #expect(batch.errorCount == 3 && batch.accepted.count == 2)
        let errs = batch.errors.map(\.error)
        #expect(errs.map(\.reason) == [.emitterRejected, .malformedJSON])
        #expect(errs[0].position == StreamPosition(offset: first.count + 3, line: 3))
        #expect(errs[0].detail.contains("event_id"))
        #expect(ingest.events == 2)
        #expect(ingest.errors[.emitterRejected] == 2 && ingest.errors[.malformedJSON] == 1)
        #expect(ingest.errors.description == "1 malformed JSON, 2 emitter rejected")
        #expect(ingest.recentErrors.map(\.error.position.line) == [3, 4])
    }

    @Test("protobuf → JSON Lines → protobuf gives back the same bytes")
    func protobufRoundTripIsByteExact() {
        let original = encoded(codecSampleEvents(count: 200, seed: 99), .protobuf)
        let jsonl = StreamConverter.convert(original, from: .protobuf, to: .jsonl)
        #expect(jsonl.errors.isEmpty)
        let back = StreamConverter.convert(jsonl.output, from: .jsonl, to: .protobuf)
        #expect(back.errors.isEmpty)
        #expect(back.output == original)
        let jsonlAgain = StreamConverter.convert(back.output, from: .auto, to: .jsonl)
        #expect(jsonlAgain.output == jsonl.output)
    }

    @Test("conversion keeps every good record and reports each bad one")
    func convertWithErrors() {
        let stream = PartialReadTests.mixed(.protobuf)
        let limit = PartialReadTests.limit
        var converter = StreamConverter(from: .protobuf, to: .jsonl, maxRecordBytes: limit)
        let a = converter.feed(stream.prefix(100)), b = converter.feed(stream.dropFirst(100)), c = converter.finish()
        let decoded = EventStreamDecoder.decodeAll(stream, format: .protobuf, maxRecordBytes: limit)
        #expect(a.output + b.output + c.output == encoded(events(of: decoded), .jsonl))
        #expect(a.errors + b.errors + c.errors == errors(of: decoded))
        #expect(converter.eventsWritten == events(of: decoded).count)
        #expect(converter.errors.total == errors(of: decoded).count)
    }
}
