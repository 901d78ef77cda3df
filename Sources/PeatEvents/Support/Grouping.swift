extension BinaryInteger {
    /// The number with thousands grouped by commas: 12345 → "12,345", -1000 → "-1,000". The
    /// one number format for counts on screen, in reports and in messages.
    public var grouped: String {
        let digits = String(magnitude)
        var out = ""
        out.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return self < 0 ? "-" + out : out
    }
}
