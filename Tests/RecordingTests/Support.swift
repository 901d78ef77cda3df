import PeatEvents
import PeatInputs

/// `CaptureFile` through the test target's imports.
enum CaptureFileTestSupport {
    static func deliveries(_ path: String) throws -> [StreamDelivery] { try CaptureFile.deliveries(path: path) }
}
