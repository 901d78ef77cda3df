/// Why the emitter refused an operation. Its description names the operation and the field,
/// e.g. `emit: event_id: Event must have an event_id`.
public struct EmitterError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The operation that failed, e.g. `"emit"`.
    public var operation: String
    /// The proto field at fault, e.g. `"event_id"`.
    public var field: String
    /// What is wrong, in words.
    public var message: String

    public init(operation: String, field: String, message: String) {
        self.operation = operation
        self.field = field
        self.message = message
    }

    public var description: String { "\(operation): \(field): \(message)" }
}
