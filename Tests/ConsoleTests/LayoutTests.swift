import Testing
@testable import Console

@Suite struct LayoutTests {
    @Test func wideScreensUseATwoByTwoGrid() {
        let l = ScreenLayout(size: Size(width: 120, height: 40), focus: .queue)
        #expect(l.twoColumns && !l.tooSmall && !l.tabbed && l.hidden.isEmpty)
        #expect(l.header == Rect(x: 0, y: 0, width: 120, height: 1))
        #expect(l.footer == Rect(x: 0, y: 39, width: 120, height: 1))
        #expect(l.status == Rect(x: 0, y: 38, width: 120, height: 1))
        #expect(l.rect(.queue) == Rect(x: 0, y: 1, width: 60, height: ScreenLayout.queueHeightWithLink))
        #expect(l.rect(.alerts) == Rect(x: 60, y: 1, width: 60, height: 14))
        #expect(l.rect(.browser) == Rect(x: 0, y: 15, width: 60, height: 23))
        #expect(l.rect(.popLog) == Rect(x: 60, y: 15, width: 60, height: 23))
    }

    @Test func classicTerminalStillShowsAllFourPanes() {
        let l = ScreenLayout(size: Size(width: 80, height: 24), focus: .queue)
        #expect(l.twoColumns && !l.tabbed && l.hidden.isEmpty)
        #expect(l.rect(.queue).height == ScreenLayout.queueHeight)
        #expect(l.listRows(.browser) == 10)
    }

    @Test func narrowTallScreensStack() {
        let l = ScreenLayout(size: Size(width: 70, height: 40), focus: .queue)
        #expect(!l.twoColumns && !l.tabbed && l.hidden.isEmpty)
        let rects = Pane.allCases.map(l.rect)
        #expect(rects.allSatisfy { $0.width == 70 })
        #expect(zip(rects, rects.dropFirst()).allSatisfy { $0.maxY == $1.y })
        #expect(rects.last!.maxY == l.status.y)
    }

    @Test func smallScreensShowTheFocusedPaneUnderATabStrip() {
        for focus in Pane.allCases {
            let l = ScreenLayout(size: Size(width: 60, height: 16), focus: focus)
            #expect(l.tabbed && !l.twoColumns)
            #expect(l.tabStrip == Rect(x: 0, y: 1, width: 60, height: 1))
            #expect(l.rect(focus) == Rect(x: 0, y: 2, width: 60, height: 12))
            #expect(l.hidden == Set(Pane.allCases).subtracting([focus]))
            #expect(l.hidden.allSatisfy { l.rect($0).isEmpty && l.listRows($0) == 0 })
        }
        // Wide but short: the grid would leave the lower panes a row or two.
        let wideShort = ScreenLayout(size: Size(width: 120, height: 17), focus: .alerts)
        #expect(wideShort.tabbed && wideShort.rect(.alerts).height == 13)
        // Just tall enough: the grid (80 wide) and the stack (narrower) come back.
        #expect(!ScreenLayout(size: Size(width: 80, height: 18), focus: .queue).tabbed)
        #expect(ScreenLayout(size: Size(width: 79, height: 25), focus: .queue).tabbed)
        #expect(!ScreenLayout(size: Size(width: 79, height: 26), focus: .queue).tabbed)
    }

    @Test func eachPaneInTheGridOrStackHasAHeaderAndRows() {
        for w in [60, 79, 80, 120] {
            for h in 16...60 {
                let l = ScreenLayout(size: Size(width: w, height: h), focus: .queue)
                guard !l.tabbed else { continue }
                for pane in Pane.allCases where pane != .queue {
                    #expect(l.rect(pane).height >= ScreenLayout.minimumStackedPaneHeight, "\(w)x\(h) \(pane)")
                }
            }
        }
    }

    @Test func belowTheMinimumIsTooSmall() {
        #expect(ScreenLayout(size: Size(width: 59, height: 30), focus: .queue).tooSmall)
        #expect(ScreenLayout(size: Size(width: 100, height: 15), focus: .queue).tooSmall)
        #expect(!ScreenLayout(size: ScreenLayout.minimumSize, focus: .queue).tooSmall)
    }

    @Test func panesNeverOverlap() {
        for w in [60, 79, 80, 100, 133, 200] {
            for h in [16, 20, 24, 40, 60] {
                for focus in Pane.allCases {
                    let l = ScreenLayout(size: Size(width: w, height: h), focus: focus)
                    let rects = Pane.allCases.filter { !l.hidden.contains($0) }.map(l.rect) + (l.tabbed ? [l.tabStrip] : [])
                    for i in rects.indices {
                        #expect(rects[i].intersection(l.body) == rects[i], "\(w)x\(h)")
                        for j in rects.indices where j > i {
                            #expect(rects[i].intersection(rects[j]).isEmpty, "\(w)x\(h) \(i) \(j)")
                        }
                    }
                }
            }
        }
    }
}
