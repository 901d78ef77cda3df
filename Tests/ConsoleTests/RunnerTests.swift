import PeatEvents
import Testing
@testable import Console
@testable import LocalNode
import PeatDemo
import PeatInputs
@testable import PeatSoak

@Suite struct RunnerTests {
    /// Runs `app` for `wakes` wake-ups (or until it quits).
    func run(_ app: ConsoleApp, _ backend: MemoryBackend, wakes: Int) -> Int32 {
        var n = 0
        return app.run(on: backend, stopRequested: { n += 1; return n > wakes })
    }

    @Test func firstFrameIsDrawnInFullThenIdleTicksDrawNothing() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        #expect(run(app, backend, wakes: 20) == 0)
        #expect(backend.flushCount == 1)
        #expect(backend.cellsDrawn == 80 * 24)
        #expect(backend.screen == app.renderFrame())
    }

    @Test func timePassingWithNothingVisibleChangingDrawsNothing() {
        let (app, clock) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        app.present(on: backend)
        #expect(app.renderFrame().line(0).contains("in – out –/s"))
        // The rates become measurable a second in ("–" turns into 0): one redraw.
        for _ in 0..<12 {
            clock.advance(nanos: 100_000_000)
            app.wake(on: backend)
            app.present(on: backend)
        }
        #expect(app.renderFrame().line(0).contains("in  0 out  0/s"))
        #expect(backend.flushCount == 2)
        for _ in 0..<30 {
            clock.advance(nanos: 100_000_000)
            app.wake(on: backend)
            app.present(on: backend)
        }
        #expect(backend.flushCount == 2)
    }

    @Test func aKeyRedrawsOnlyTheChangedCells() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 100, height: 30))
        app.begin(on: backend)
        app.present(on: backend)
        let before = backend.cellsDrawn
        backend.pendingKeys = [.character("3")]
        app.wake(on: backend)
        #expect(app.present(on: backend))
        #expect(backend.flushCount == 2)
        let changed = backend.cellsDrawn - before
        #expect(changed > 0 && changed < 100 * 30 / 4)
        #expect(backend.screen == app.renderFrame())
        #expect(app.state.core.pendingCounts == [0, 0, 1, 0])
    }

    @Test func quitReturnsZeroAndStopsReadingKeys() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24), keys: [.character("1"), .character("q"), .character("2")])
        #expect(run(app, backend, wakes: 100) == 0)
        #expect(app.state.quitRequested)
        #expect(app.state.core.pendingCounts == [1, 0, 0, 0])
        #expect(backend.pendingKeys == [.character("2")])
    }

    @Test func stopRequestedEndsTheLoop() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        #expect(app.run(on: backend, stopRequested: { true }) == 0)
        #expect(!app.state.quitRequested)
        #expect(backend.flushCount == 1)
    }

    @Test func resizeRedrawsEverythingAtTheNewSize() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        app.present(on: backend)
        backend.resize(to: Size(width: 120, height: 40))
        app.wake(on: backend)
        app.present(on: backend)
        #expect(app.state.size == Size(width: 120, height: 40))
        #expect(backend.screen == app.renderFrame())
        #expect(backend.cellsDrawn == 80 * 24 + 120 * 40)
        backend.resize(to: Size(width: 40, height: 10))
        app.wake(on: backend)
        app.present(on: backend)
        #expect(backend.screen.text.contains("terminal too small"))
        #expect(backend.screen.text.contains("need 60×16, have 40×10"))
    }

    @Test func aResumeAfterAStopRepaintsEveryCell() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        app.present(on: backend)
        let before = app.state
        // Ctrl-Z, the shell writes over the screen, `fg`: nothing in the state changed, so
        // only the resume itself can bring the console back.
        backend.stopAndContinue(overwritingWith: "$")
        app.wake(on: backend)
        #expect(app.present(on: backend))
        #expect(app.state == before, "a resume is not a key: nothing but the picture changes")
        #expect(backend.flushCount == 2)
        #expect(backend.cellsDrawn == 2 * 80 * 24)
        #expect(backend.screen == app.renderFrame())
    }

    @Test func aResumeTakesTheSizeTheTerminalHasNow() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        app.present(on: backend)
        backend.resize(to: Size(width: 100, height: 30))
        backend.pendingEvents = [.resumed]  // the resize happened while stopped: only the resume arrives
        app.wake(on: backend)
        app.present(on: backend)
        #expect(app.state.size == Size(width: 100, height: 30))
        #expect(backend.screen == app.renderFrame())
    }

    @Test func inboxActionsAreAppliedOnWake() {
        let (app, _) = noneApp()
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        app.inbox.post(.inject(.high))
        app.inbox.post(.report("stream connected", isError: false))
        app.wake(on: backend)
        #expect(app.state.core.pendingCounts == [0, 1, 0, 0])
        #expect(app.state.status?.text == "stream connected")
    }

    @Test func demoTicksGenerateAndDrainWithTheClock() {
        var o = ConsoleOptions()
        o.seed = 5
        let clock = ManualClock(seconds: ConsoleApp.snapshotEpoch)
        let app = ConsoleApp(options: o, clock: clock)
        let backend = MemoryBackend(size: Size(width: 80, height: 24))
        app.begin(on: backend)
        for _ in 0..<50 {
            clock.advance(nanos: 100_000_000)
            app.wake(on: backend)
        }
        #expect(app.state.core.emitted > 20)
        #expect(app.state.core.popped > 0)
        #expect(app.state.core.localCount >= 20)
        backend.pendingKeys = [.character("p")]
        app.wake(on: backend)
        let emitted = app.state.core.emitted
        for _ in 0..<20 {
            clock.advance(nanos: 100_000_000)
            app.wake(on: backend)
        }
        #expect(app.state.core.emitted == emitted, "paused: nothing generated")
    }
}
