import Foundation
import Testing
@testable import Console

@Suite struct FormatTests {
    @Test func agesUseOneUnit() {
        #expect(Format.age(0) == "0s")
        #expect(Format.age(12) == "12s")
        #expect(Format.age(59) == "59s")
        #expect(Format.age(60) == "1m")
        #expect(Format.age(3 * 60 + 59) == "3m")
        #expect(Format.age(7200) == "2h")
        #expect(Format.age(2 * 86400 + 5) == "2d")
        #expect(Format.age(-5) == "0s")
    }

    @Test func durationsUseTwoUnits() {
        #expect(Format.duration(42) == "42s")
        #expect(Format.duration(4 * 60 + 58) == "4m58s")
        #expect(Format.duration(300) == "5m00s")
        #expect(Format.duration(3600) == "1h00m")
        #expect(Format.duration(3 * 86400 + 4 * 3600) == "3d04h")
    }

    @Test func iso8601IsUTC() {
        #expect(Format.iso8601(seconds: 0, nanos: 0) == "1970-01-01T00:00:00Z")
        #expect(Format.iso8601(seconds: 1_735_689_607, nanos: 250_000_000) == "2025-01-01T00:00:07.250Z")
        #expect(Format.iso8601(seconds: 951_782_400, nanos: 0) == "2000-02-29T00:00:00Z")
        #expect(Format.iso8601(seconds: 4_102_444_799, nanos: 0) == "2099-12-31T23:59:59Z")
    }

    @Test func printableTextAcceptsUTF8AndRejectsControlBytes() {
        #expect(Format.printableText(Data("cpu=43.2%".utf8)) == "cpu=43.2%")
        #expect(Format.printableText(Data("température 48°C\nok".utf8)) == "température 48°C\nok")
        #expect(Format.printableText(Data([0x63, 0x00, 0x64])) == nil)
        #expect(Format.printableText(Data([0xFF, 0xFE])) == nil)
        #expect(Format.printableText(Data([0x1B, 0x5B, 0x32, 0x4A])) == nil)  // an escape sequence
    }

    @Test func hexDumpShowsOffsetsBytesAndASCII() {
        let dump = Format.hexDump(Data([0x00, 0x01, 0x41, 0x42] + Array(repeating: 0x7F, count: 14)))
        #expect(dump == [
            "0000  00 01 41 42 7f 7f 7f 7f 7f 7f 7f 7f 7f 7f 7f 7f  ..AB............",
            "0010  7f 7f" + String(repeating: " ", count: 44) + "..",
        ])
        #expect(Format.hexDump(Data()).isEmpty)
    }

    @Test func ratesAndPercents() {
        #expect(Format.rate(0) == "0.0")
        #expect(Format.rate(19.24) == "19.2")
        #expect(Format.rate(1234.6) == "1,235")
        #expect(Format.percent(0.5) == "50%")
        #expect(Format.percent(0.349) == "35%")
        #expect(Names.count(1234567) == "1,234,567")
        #expect(Names.count(999) == "999")
    }
}
