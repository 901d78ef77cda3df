import PeatEvents
import Testing

@Suite struct GroupingTests {
    @Test func thousandsAreGroupedByCommas() {
        #expect(0.grouped == "0" && 999.grouped == "999" && 1000.grouped == "1,000")
        #expect(12_345.grouped == "12,345" && 1_234_567.grouped == "1,234,567")
        #expect((-1000).grouped == "-1,000")
        #expect(Int.min.grouped == "-9,223,372,036,854,775,808", "no overflow at the edge")
        #expect(UInt64.max.grouped == "18,446,744,073,709,551,615")
    }
}
