extension Int {
    /// `value` rounded by `rule` and clamped to `Int`'s range; NaN is 0.
    ///
    /// `Int(_: Double)` traps outside the range, and a rate, share or duration computed from
    /// what a producer, a watched node or a recording sent can be any `Double` (a peer may send
    /// a rate of 1e300 or NaN). Every conversion of such a figure for display goes through this.
    @inlinable
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        let r = value.rounded(rule)
        if r.isNaN {
            self = 0
        } else if r >= 9_223_372_036_854_775_808.0 {  // 2^63: Int.max is not representable as a Double
            self = .max
        } else if r < -9_223_372_036_854_775_808.0 {
            self = .min
        } else {
            self = Int(r)
        }
    }
}

extension Int64 {
    /// `value` rounded by `rule` and clamped to `Int64`'s range; NaN is 0 (see `Int(saturating:)`).
    @inlinable
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        self = Int64(Int(saturating: value, rounding: rule))
    }
}

extension UInt64 {
    /// `value` rounded by `rule` and clamped to `UInt64`'s range; NaN and negatives are 0.
    @inlinable
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        let r = value.rounded(rule)
        if r.isNaN || r <= 0 {
            self = 0
        } else if r >= 18_446_744_073_709_551_616.0 {  // 2^64
            self = .max
        } else {
            self = UInt64(r)
        }
    }
}
