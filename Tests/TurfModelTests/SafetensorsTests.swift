import Foundation
import Testing
@testable import TurfModel

@Suite struct SafetensorsTests {
    private func write(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "turfwatch-st-\(UUID().uuidString)"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    private func parse(_ bytes: [UInt8]) throws -> (tensors: [String: Safetensors.Tensor], metadata: [String: String]) {
        let path = write(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try Safetensors.parse(try MappedFile(path: path))
    }

    private func file(header: String, data: Int) -> [UInt8] {
        var out: [UInt8] = []
        var length = UInt64(header.utf8.count).littleEndian
        withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
        out.append(contentsOf: Array(header.utf8))
        out.append(contentsOf: [UInt8](repeating: 0, count: data))
        return out
    }

    @Test func roundTripsAlignedTensorsAndMetadata() throws {
        let bytes = Safetensors.encode(tensors: [(name: "weights", shape: [2, 2], values: [1, -2, 3.5, 0]), (name: "bias", shape: [2], values: [0.25, -1])],
                                       metadata: ["b": "x\"y\n", "a": "1"])
        let header = String(decoding: bytes[8..<(8 + Int(bytes[0]))], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"a":"1","b":"x\"y\n"},"bias":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"weights":"#))
        #expect((8 + Int(bytes[0])) % 8 == 0)
        let parsed = try parse(bytes)
        #expect(parsed.metadata == ["a": "1", "b": "x\"y\n"])
        #expect(parsed.tensors["weights"]!.shape == [2, 2])
        #expect(parsed.tensors["bias"]!.range.count == 16)
    }

    @Test func rejectsBrokenFiles() {
        func reason(_ bytes: [UInt8]) -> String {
            do { _ = try parse(bytes); return "accepted" } catch { return "\(error)" }
        }
        #expect(reason([1, 2, 3]) == "truncated: 3 bytes, too short for a safetensors header")
        #expect(reason(file(header: "{}", data: 0).dropLast()).hasPrefix("truncated: header claims 2 bytes"))
        #expect(reason([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == "bad header: claims 9223372036854775807 bytes")
        #expect(reason(file(header: "not json", data: 0)) == "bad header: not a JSON object")
        #expect(reason(file(header: #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: 4)) == "tensor \"w\" has dtype F32; expected F64")
        #expect(reason(file(header: #"{"w":{"dtype":"F64","shape":[1000000000],"data_offsets":[0,8000000000]}}"#, data: 8))
            == "tensor \"w\" data_offsets [0, 8000000000] lie outside the 8 data bytes")
        #expect(reason(file(header: #"{"w":{"dtype":"F64","shape":[2],"data_offsets":[0,8]}}"#, data: 8))
            == "tensor \"w\" shape [2] needs 16 bytes but data_offsets span 8")
        #expect(reason(file(header: #"{"w":{"dtype":"F64","shape":[1]}}"#, data: 8)) == "bad header: tensor \"w\" lacks dtype, shape or data_offsets")
    }

    @Test func missingFileIsAnInputError() {
        #expect(throws: (any Error).self) { try MappedFile(path: "/nonexistent/model.safetensors") }
    }
}
