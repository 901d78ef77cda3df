import ArgumentParser
import Console
import PeatEvents

extension LintName: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
}

/// `--compare` and the warnings' switches and thresholds, shared by `run` and `snapshot`.
struct CompareAndWarningOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run two schedulers side by side on identical input: any two of reference, fair, fair-bytes (e.g. reference,fair). Every event goes to both; both drain through identical link models at the same pace; c leaves and re-enters the side-by-side view.",
                               valueName: "a,b"))
    var compare: String?

    @Option(name: .customLong("warn"), help: ArgumentHelp("Switch a warning on (repeatable; all are on by default).", valueName: "name"))
    var warn: [LintName] = []

    @Option(name: .customLong("allow"), help: ArgumentHelp("Switch a warning off (repeatable); --warn wins for a name given to both.", valueName: "name"))
    var allow: [LintName] = []

    @Option(name: .customLong("starvation-seconds"), help: "starvation: seconds a backlogged level may go unserved while a lower one is served.")
    var starvationSeconds = WarningSettings().starvationSeconds

    @Option(name: .customLong("share-drift-points"), help: "share-drift: points an achieved share may be off its target while all levels are backlogged.")
    var shareDriftPoints = WarningSettings().shareDriftPoints

    @Option(name: .customLong("share-drift-window"), help: "share-drift: seconds of the window judged.")
    var shareDriftWindow = WarningSettings().shareDriftWindowSeconds

    @Option(name: .customLong("growth-seconds"), help: "unbounded-growth: seconds of sustained growth (arrivals outpacing the drain).")
    var growthSeconds = WarningSettings().growthSeconds

    @Option(name: .customLong("unacknowledged-seconds"), help: "alert-unacknowledged: seconds an alert may wait for x.")
    var unacknowledgedSeconds = WarningSettings().unacknowledgedSeconds

    @Option(name: .customLong("warning-hold"), help: "Seconds a cleared warning stays on screen.")
    var warningHold = WarningSettings().holdSeconds

    func validate() throws {
        if let compare {
            do { _ = try CompareState.policies(compare) } catch { throw ValidationError(error.message) }
        }
        for (name, value, range) in [("--starvation-seconds", starvationSeconds, 1...86_400), ("--share-drift-points", shareDriftPoints, 1...100),
                                     ("--share-drift-window", shareDriftWindow, 1...3600), ("--growth-seconds", growthSeconds, 1...86_400),
                                     ("--unacknowledged-seconds", unacknowledgedSeconds, 1...86_400), ("--warning-hold", warningHold, 0...86_400)]
        where !range.contains(value) {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))")
        }
    }

    /// The warnings' settings from these flags.
    var warnings: WarningSettings {
        var s = WarningSettings()
        s.enabled.subtract(allow)
        s.enabled.formUnion(warn)
        s.starvationSeconds = starvationSeconds
        s.shareDriftPoints = shareDriftPoints
        s.shareDriftWindowSeconds = shareDriftWindow
        s.growthSeconds = growthSeconds
        s.unacknowledgedSeconds = unacknowledgedSeconds
        s.holdSeconds = warningHold
        return s
    }

    /// The two policies of `--compare`, nil without it.
    var policies: [SchedulingPolicy]? { compare.flatMap { try? CompareState.policies($0) } }
}
