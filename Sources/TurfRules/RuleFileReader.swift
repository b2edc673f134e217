import Foundation
import TurfCore

/// Reads a rules file as UTF-8 text.
enum RuleFileReader {
    /// The file's text.
    /// - Throws: `InputError` when it cannot be read, or at the line of the first byte that is
    ///   not UTF-8.
    static func read(path: String) throws(InputError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, line: 0, reason: "cannot read rules file")
        }
        let bytes = [UInt8](data)
        if let line = firstInvalidLine(bytes) {
            throw InputError(file: path, line: line, reason: "not valid UTF-8")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The 1-based line of the first byte sequence that is not UTF-8, or nil when all is valid.
    static func firstInvalidLine(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
            case .emptyInput:
                return nil
            case .error:
                return line
            }
        }
    }
}
