import Foundation

/// Reading and writing the safetensors container (https://github.com/huggingface/safetensors):
/// an 8-byte little-endian header length, a JSON header mapping each tensor name to its
/// `dtype`, `shape` and `data_offsets` (relative to the end of the header) plus a
/// `__metadata__` map of strings, then the raw little-endian tensor bytes.
///
/// Only `F64` tensors are written and accepted: NB log-probabilities must survive to 1e-6
/// relative precision, which `F32` does not guarantee after summing hundreds of features.
enum Safetensors {
    /// A tensor's place in a mapped file.
    struct Tensor: Equatable {
        var shape: [Int]
        /// Absolute byte range in the file.
        var range: Range<Int>
    }

    /// Header lengths above this are refused before anything is allocated for them.
    static let maximumHeader = 64 << 20

    /// The bytes of a file holding `tensors` (name, shape, values) and `metadata`.
    /// Tensors are laid out in name order, each 8-byte aligned, so the output depends only on the input.
    static func encode(tensors: [(name: String, shape: [Int], values: [Double])], metadata: [String: String]) -> [UInt8] {
        let ordered = tensors.sorted { $0.name < $1.name }
        var header: [UInt8] = Array("{\"__metadata__\":{".utf8)
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { header.append(0x2C) }
            appendJSONString(key, to: &header)
            header.append(0x3A)
            appendJSONString(metadata[key]!, to: &header)
        }
        header.append(0x7D)
        var offset = 0
        for tensor in ordered {
            header.append(0x2C)
            appendJSONString(tensor.name, to: &header)
            let end = offset + tensor.values.count * 8
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            header.append(contentsOf: Array(":{\"dtype\":\"F64\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}".utf8))
            offset = end
        }
        header.append(0x7D)
        while (8 + header.count) % 8 != 0 { header.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        var length = UInt64(header.count).littleEndian
        withUnsafeBytes(of: &length) { out.append(contentsOf: $0) }
        out.append(contentsOf: header)
        for tensor in ordered {
            for value in tensor.values {
                var bits = value.bitPattern.littleEndian
                withUnsafeBytes(of: &bits) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// Validates a mapped file's header and returns its tensors and metadata.
    /// - Throws: `ModelFormatError` for a truncated file, a bad header, offsets outside the
    ///   file, overlapping or misaligned tensors, or a dtype other than `F64`.
    static func parse(_ file: MappedFile) throws -> (tensors: [String: Tensor], metadata: [String: String]) {
        guard file.size >= 8 else { throw ModelFormatError("truncated: \(file.size) bytes, too short for a safetensors header") }
        var length: UInt64 = 0
        withUnsafeMutableBytes(of: &length) { $0.copyMemory(from: file.bytes(0..<8)) }
        length = UInt64(littleEndian: length)
        guard length <= UInt64(maximumHeader) else { throw ModelFormatError("bad header: claims \(length) bytes") }
        guard 8 + Int(length) <= file.size else {
            throw ModelFormatError("truncated: header claims \(length) bytes but the file has \(file.size - 8) after the length")
        }
        let dataStart = 8 + Int(length)
        let headerBytes = Data(file.bytes(8..<dataStart))
        guard let object = try? JSONSerialization.jsonObject(with: headerBytes), let header = object as? [String: Any] else {
            throw ModelFormatError("bad header: not a JSON object")
        }
        var metadata: [String: String] = [:]
        var tensors: [String: Tensor] = [:]
        for (name, entry) in header {
            if name == "__metadata__" {
                guard let map = entry as? [String: Any] else { throw ModelFormatError("bad header: __metadata__ is not an object") }
                for (key, value) in map {
                    guard let text = value as? String else { throw ModelFormatError("bad header: metadata \"\(key)\" is not a string") }
                    metadata[key] = text
                }
                continue
            }
            guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
                  let shape = fields["shape"] as? [Any], let offsets = fields["data_offsets"] as? [Any], offsets.count == 2
            else { throw ModelFormatError("bad header: tensor \"\(name)\" lacks dtype, shape or data_offsets") }
            guard dtype == "F64" else { throw ModelFormatError("tensor \"\(name)\" has dtype \(dtype); expected F64") }
            let dims = try shape.map { value -> Int in
                guard let number = value as? NSNumber, let dim = Int(exactly: number.doubleValue), dim >= 0, dim < 1 << 40 else {
                    throw ModelFormatError("bad header: tensor \"\(name)\" has a bad shape")
                }
                return dim
            }
            let bounds = try offsets.map { value -> Int in
                guard let number = value as? NSNumber, let offset = Int(exactly: number.doubleValue), offset >= 0 else {
                    throw ModelFormatError("bad header: tensor \"\(name)\" has bad data_offsets")
                }
                return offset
            }
            guard bounds[0] <= bounds[1], bounds[1] <= file.size - dataStart else {
                throw ModelFormatError("tensor \"\(name)\" data_offsets [\(bounds[0]), \(bounds[1])] lie outside the \(file.size - dataStart) data bytes")
            }
            var byteCount = 8
            for dim in dims {
                let (product, overflow) = byteCount.multipliedReportingOverflow(by: dim)
                guard !overflow else { throw ModelFormatError("bad header: tensor \"\(name)\" shape overflows") }
                byteCount = product
            }
            guard byteCount == bounds[1] - bounds[0] else {
                throw ModelFormatError("tensor \"\(name)\" shape \(dims) needs \(byteCount) bytes but data_offsets span \(bounds[1] - bounds[0])")
            }
            guard (dataStart + bounds[0]) % 8 == 0 else { throw ModelFormatError("tensor \"\(name)\" is not 8-byte aligned") }
            tensors[name] = Tensor(shape: dims, range: (dataStart + bounds[0])..<(dataStart + bounds[1]))
        }
        let sorted = tensors.values.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        for index in sorted.indices.dropFirst() where sorted[index].lowerBound < sorted[index - 1].upperBound {
            throw ModelFormatError("bad header: tensors overlap")
        }
        return (tensors, metadata)
    }

    private static func appendJSONString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in value.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, digits[Int(byte >> 4)], digits[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
