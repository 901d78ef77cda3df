import Testing
@testable import Console

@Suite struct LayoutTests {
    @Test func wideScreensUseATwoByTwoGrid() {
        let l = ScreenLayout(size: Size(width: 120, height: 40), focus: .queue)
        #expect(l.twoColumns && !l.tooSmall && l.collapsed.isEmpty)
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
        #expect(l.twoColumns)
        #expect(l.rect(.queue).height == ScreenLayout.queueHeight)
        #expect(l.listRows(.browser) == 10)
    }

    @Test func narrowTallScreensStack() {
        let l = ScreenLayout(size: Size(width: 70, height: 40), focus: .queue)
        #expect(!l.twoColumns && l.collapsed.isEmpty)
        let rects = Pane.allCases.map(l.rect)
        #expect(rects.allSatisfy { $0.width == 70 })
        #expect(zip(rects, rects.dropFirst()).allSatisfy { $0.maxY == $1.y })
        #expect(rects.last!.maxY == l.status.y)
    }

    @Test func shortNarrowScreensGiveTheFocusedPaneTheRoom() {
        let l = ScreenLayout(size: Size(width: 60, height: 16), focus: .browser)
        #expect(l.collapsed == [.queue, .alerts, .popLog])
        #expect(l.rect(.browser).height == 13 - 3)
        #expect(l.rect(.queue).height == 1)
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
                    let rects = Pane.allCases.map(l.rect)
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
