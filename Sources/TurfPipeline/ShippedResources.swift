import Foundation

/// Finds the model and rules files turfwatch ships in `Models/`, so `analyze` works without
/// flags from a clone, from an installed binary next to a `Models/` folder, or wherever
/// `TURFWATCH_MODELS` points.
public enum ShippedResources {
    /// The shipped stance model's file name.
    public static let modelName = "stance.safetensors"
    /// The shipped rules file's name.
    public static let rulesName = "stance-rules.yaml"

    /// The path of `name`, searched in `$TURFWATCH_MODELS`, `./Models`, then `Models/` in the
    /// executable's folder and each folder above it; `nil` when none has it.
    public static func locate(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var candidates: [String] = []
        if let directory = environment["TURFWATCH_MODELS"], !directory.isEmpty { candidates.append(directory + "/" + name) }
        candidates.append("Models/" + name)
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            while directory.path != "/" {
                candidates.append(directory.path + "/Models/" + name)
                directory.deleteLastPathComponent()
            }
        }
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }
}
