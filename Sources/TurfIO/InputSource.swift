#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib
import TurfCore

/// A file or standard input (`-`) read as UTF-8 chunks, decompressing gzip and converting the
/// encoding on the way.
///
/// Gzip is recognised by its magic bytes, not the file name, so `zcat`-less pipes work too.
/// A UTF-8 byte-order mark is dropped; a UTF-16 byte-order mark switches to UTF-16 (and says
/// so in `notes`); UTF-16 without a mark is reported rather than read as garbage.
public final class InputSource {
    /// The path as the user gave it.
    public let path: String
    /// The file's size in bytes when it is a regular file (compressed size for gzip), for progress.
    public let size: Int64?
    /// Bytes read from the file so far (before decompression), for progress.
    public private(set) var consumed: Int64 = 0
    /// Remarks about how the input is read (e.g. a UTF-16 byte-order mark was found).
    public private(set) var notes: [String] = []

    private let descriptor: Int32
    private var rawChunk = [UInt8](repeating: 0, count: 1 << 20)
    private var inflater: Inflater?
    private var transcoder: Transcoder?
    private var finished = false
    private let encoding: TextEncoding

    /// Opens `path` (`-` is standard input) to be read in `encoding`.
    /// - Throws: `InputError` when the file cannot be opened.
    public init(path: String, encoding: TextEncoding = .utf8) throws {
        self.path = path
        self.encoding = encoding
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputError(file: path, line: 0, reason: "cannot open: \(String(cString: strerror(errno)))")
        }
        descriptor = fd
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
            size = Int64(info.st_size)
        } else {
            size = nil
        }
        if encoding != .utf8 { transcoder = try Transcoder(from: encoding, path: path) }
    }

    deinit {
        if descriptor > 0 { close(descriptor) }
    }

    /// Appends the next UTF-8 bytes to `out`; returns `false` once the input is exhausted
    /// and nothing was appended.
    /// - Throws: `InputError` on a read failure, corrupt gzip data or unmarked UTF-16.
    public func read(into out: inout [UInt8]) throws -> Bool {
        let before = out.count
        while !finished, out.count == before {
            let count = try readRaw()
            if consumed == Int64(count), count >= 2, rawChunk[0] == 0x1F, rawChunk[1] == 0x8B {
                inflater = try Inflater(path: path)
            }
            if count == 0 {
                finished = true
                try inflater?.finish(path: path)
                try emit(final: true, into: &out)
                break
            }
            if let inflater {
                try rawChunk.withUnsafeBufferPointer {
                    try inflater.inflate(UnsafeBufferPointer(rebasing: $0[0..<count]), path: path, into: &stage)
                }
            } else if sniffed && transcoder == nil {
                // Plain UTF-8 after the first bytes: straight to the caller, no staging copy.
                out.append(contentsOf: rawChunk[0..<count])
                continue
            } else {
                stage.append(contentsOf: rawChunk[0..<count])
            }
            try emit(final: false, into: &out)
        }
        return out.count > before
    }

    private var stage: [UInt8] = []
    private var sniffed = false

    private func readRaw() throws -> Int {
        while true {
            let count = rawChunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, line: 0, reason: "read failed: \(String(cString: strerror(errno)))")
            }
            consumed += Int64(count)
            return count
        }
    }

    /// Moves the staged (decompressed) bytes out, sniffing byte-order marks first.
    private func emit(final: Bool, into out: inout [UInt8]) throws {
        if !sniffed {
            guard stage.count >= 4 || final else { return }
            sniffed = true
            try sniffMarks(&stage)
        }
        if let transcoder {
            stage.withUnsafeBufferPointer { transcoder.convert($0, final: final, into: &out) }
        } else {
            out.append(contentsOf: stage)
        }
        stage.removeAll(keepingCapacity: true)
    }

    private func sniffMarks(_ bytes: inout [UInt8]) throws {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            return
        }
        let littleMark = bytes.starts(with: [0xFF, 0xFE])
        let bigMark = bytes.starts(with: [0xFE, 0xFF])
        if littleMark || bigMark {
            switch encoding {
            case .utf8:
                notes.append("\(path): UTF-16 byte-order mark found; reading as UTF-16\(littleMark ? "LE" : "BE")")
                transcoder = try Transcoder(from: littleMark ? .utf16le : .utf16be, path: path)
                bytes.removeFirst(2)
            case .utf16le, .utf16be:
                bytes.removeFirst(2)
            default:
                break
            }
            return
        }
        if encoding == .utf8, bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            throw InputError(file: path, line: 1, reason: "looks like UTF-16 without a byte-order mark; rerun with --encoding utf-16le")
        }
        if encoding == .utf8, bytes.count >= 4, bytes[0] == 0, bytes[1] != 0, bytes[2] == 0, bytes[3] != 0 {
            throw InputError(file: path, line: 1, reason: "looks like UTF-16 without a byte-order mark; rerun with --encoding utf-16be")
        }
    }
}

/// A zlib inflate stream for gzip data (several concatenated members allowed, as `cat a.gz b.gz` makes).
final class Inflater {
    private var stream = z_stream()
    private var output = [UInt8](repeating: 0, count: 1 << 20)
    private var ended = false

    init(path: String) throws {
        let status = czlib_inflate_init2(&stream, 15 + 32)
        guard status == Z_OK else { throw InputError(file: path, line: 0, reason: "cannot start gzip decoding (zlib \(status))") }
    }

    deinit { inflateEnd(&stream) }

    func inflate(_ input: UnsafeBufferPointer<UInt8>, path: String, into out: inout [UInt8]) throws {
        guard input.count > 0 else { return }
        var offset = 0
        while offset < input.count {
            if ended {
                // Another gzip member follows the one that ended.
                inflateReset(&stream)
                ended = false
            }
            let status: Int32 = output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + offset)
                stream.avail_in = UInt32(input.count - offset)
                var status = Z_OK
                repeat {
                    stream.next_out = target.baseAddress!
                    stream.avail_out = UInt32(target.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: target[0..<(target.count - Int(stream.avail_out))]))
                } while status == Z_OK && stream.avail_out == 0
                return status
            }
            offset = input.count - Int(stream.avail_in)
            if status == Z_STREAM_END {
                ended = true
                continue
            }
            if status != Z_OK && status != Z_BUF_ERROR {
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw InputError(file: path, line: 0, reason: "corrupt gzip data: \(message)")
            }
            if stream.avail_in == 0 { break }
        }
    }

    func finish(path: String) throws {
        if !ended {
            throw InputError(file: path, line: 0, reason: "gzip data ends early (truncated file)")
        }
    }
}
