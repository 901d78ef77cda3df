import PeatEvents

extension NodeModel {
    /// Folds `event` from the node's source into the model.
    /// - Parameter running: the generator or auto-drain is on (the depth history is then
    ///   sampled every second; otherwise only when the depth changed).
    /// - Returns: a line for the status bar, if the event calls for one.
    public mutating func fold(_ event: NodeEvent, running: Bool) -> (text: String, isError: Bool)? {
        switch event {
        case .observed(let o):
            observed = o
            // Whole seconds only: a model that changed with every tick's nanoseconds would
            // redraw an idle screen ten times a second.
            observed.time = PeatTimestamp(seconds: o.time.seconds)
            if o.time.seconds != lastSampleSecond {
                lastSampleSecond = o.time.seconds
                sample(second: o.time.seconds, running: running)
                delays.refresh(now: o.time.seconds)
            } else if delays.pending > 0 && !running {
                // Keys only, time standing still: the waits of a step show at once.
                delays.refresh(now: o.time.seconds)
            }
            return nil
        case .delays(let samples):
            delays.record(samples)
            warnings.note(samples)
            return nil
        case .emitted(let count, let criticals):
            emitted += count
            for e in criticals { raiseAlert(e) }
            return nil
        case .emitFailed(let why):
            errors += 1
            return ("emit failed: \(why)", true)
        case .popped(let p):
            logPop(p)
            return p.automatic ? nil : stepReport(p)
        case .linkFates(let changes):
            for c in changes {
                // The oldest alert (the list is newest first) with the id still at `from`.
                if let i = alerts.lastIndex(where: { $0.eventID == c.eventID && $0.linkFate == c.from }) { alerts[i].linkFate = c.fate }
            }
            return nil
        case .report(let text, let isError):
            return (text, isError)
        case .replica(let r):
            if let id = r.nodeID { nodeID = id }
            if let id = r.formationID { formationID = id }
            alerts = r.alerts
            alertsReceived = r.alertsReceived
            alertsDroppedUnacknowledged = r.alertsDroppedUnacknowledged
            popLog = r.popLog
            popSteps = r.popSteps
            emitted = r.emitted
            popped = r.popped
            errors = r.errors
            emittedRate = r.emittedRate
            poppedRate = r.poppedRate
            return nil
        case .connection(let c):
            if let old = connection?.instanceID, let new = c.instanceID, old != new {
                // The node restarted: a new node as far as counts go, not merged with the old.
                self = NodeModel(nodeID: nodeID, formationID: formationID, policy: observed.policy)
            }
            connection = c
            return nil
        }
    }

    /// Acknowledges the alert with `key`, or the newest unacknowledged one when nil.
    /// - Returns: a line for the status bar.
    public mutating func acknowledge(key: Int?) -> (text: String, isError: Bool) {
        let index = key.map { k in alerts.firstIndex { $0.key == k } } ?? alerts.firstIndex { !$0.acknowledged }
        guard let i = index else {
            return key == nil ? ("no unacknowledged alerts", false) : ("that alert is no longer kept", true)
        }
        guard !alerts[i].acknowledged else {
            return (unacknowledged == 0 ? "no unacknowledged alerts" : "already acknowledged (\(unacknowledged) unacknowledged)", false)
        }
        alerts[i].acknowledged = true
        return ("acknowledged \(alerts[i].event.eventType) \(alerts[i].eventID)", false)
    }

    private mutating func raiseAlert(_ event: PeatEvent) {
        alertsReceived += 1
        alerts.insert(AlertRecord(event: event, key: alertsReceived), at: 0)
        while alerts.count > NodeModel.alertCapacity {
            if !alerts.removeLast().acknowledged { alertsDroppedUnacknowledged += 1 }
        }
    }

    private mutating func logPop(_ p: PopResult) {
        popped += p.got
        // Popped criticals, oldest first, each to the oldest unsent alert with its id (ids may
        // repeat across producers; the queue is FIFO per level).
        for id in p.criticalIDs {
            if let i = alerts.lastIndex(where: { $0.eventID == id && !$0.sent }) { alerts[i].sent = true }
        }
        if p.automatic, p.got == 0, let last = popLog.first, last.got == 0, last.asked == p.asked, last.automatic {
            popLog[0].repeats += 1
            popLog[0].time = p.time
            return
        }
        var step = PopStep(number: popSteps + 1, asked: p.asked, got: p.got, levels: p.levels,
                           automatic: p.automatic, short: p.short, time: p.time)
        step.longestWait = p.longestWait
        if let pending = p.pendingByLevel {
            let verdict = demand.fold(pending: pending, levels: p.levels, got: p.got, asked: p.asked, weights: observed.stats.targetShare)
            step.skipped = verdict.skippedLevel
            step.skippedWaiting = verdict.skippedWaiting
            step.inversion = verdict.inversion
        }
        popSteps += 1
        warnings.note(p)
        popLog.insert(step, at: 0)
        if popLog.count > NodeModel.popLogCapacity { popLog.removeLast(popLog.count - NodeModel.popLogCapacity) }
    }

    private func stepReport(_ p: PopResult) -> (text: String, isError: Bool) {
        if p.got == 0 {
            return ("step #\(popSteps): asked \(p.asked), got nothing (queue \(p.pendingBefore == 0 ? "empty" : "not empty"))", p.short)
        }
        return ("step #\(popSteps): asked \(p.asked), got \(p.got)", false)
    }

    /// Once a second: the depth history (skipped while idle and unchanged, so an idle console
    /// draws nothing) and the rates.
    private mutating func sample(second: UInt64, running: Bool) {
        let counts = observed.pendingCounts
        if running || depthHistory[0].isEmpty || (0..<4).contains(where: { depthHistory[$0].last != counts[$0] }) {
            for i in 0..<4 {
                depthHistory[i].append(i < counts.count ? counts[i] : 0)
                if depthHistory[i].count > NodeModel.historyCapacity { depthHistory[i].removeFirst() }
            }
        }
        rateSamples.append(RateSample(second: second, emitted: emitted, popped: popped, depths: counts))
        // A clock that went back (a corrected wall clock, a damaged recording): the samples
        // from the "future" go too.
        while let first = rateSamples.first, second < first.second || second - first.second > UInt64(NodeModel.rateWindow) {
            rateSamples.removeFirst()
        }
        if rateSamples.count > NodeModel.rateWindow + 1 { rateSamples.removeFirst() }
        if let first = rateSamples.first, let last = rateSamples.last, last.second > first.second {
            let span = Double(last.second - first.second)
            if connection == nil {  // a remote node sends its own in/out rates
                emittedRate = Double(last.emitted - first.emitted) / span
                poppedRate = Double(last.popped - first.popped) / span
            }
            netRates = (0..<4).map { Double((last.depths[safe: $0] ?? 0) - (first.depths[safe: $0] ?? 0)) / span }
            rateSpan = last.second - first.second
        }
    }
}
