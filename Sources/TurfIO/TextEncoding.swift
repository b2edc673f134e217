#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TurfCore

/// The character encoding an input is read in; everything is turned into UTF-8 on the way in.
public enum TextEncoding: String, Hashable, Sendable, CaseIterable {
    /// UTF-8, the default; a UTF-8 byte-order mark is dropped.
    case utf8 = "utf-8"
    /// UTF-16 with a byte-order mark (little-endian when there is none).
    case utf16 = "utf-16"
    /// UTF-16 little-endian (what spreadsheets call "Unicode text").
    case utf16le = "utf-16le"
    /// UTF-16 big-endian.
    case utf16be = "utf-16be"
    /// Windows-1252, what Excel on Windows saves "CSV" as in western locales.
    case cp1252
    /// ISO-8859-1.
    case latin1
    /// GB18030, the Chinese national standard encoding (a superset of GBK).
    case gb18030

    /// Parses a user's `--encoding` value, accepting common spellings (`UTF8`, `windows-1252`, `iso-8859-1`, `gbk`).
    /// - Throws: `UsageError` listing the supported names.
    public init(name: String) throws {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" }
        switch key {
        case "utf8": self = .utf8
        case "utf16": self = .utf16
        case "utf16le": self = .utf16le
        case "utf16be": self = .utf16be
        case "cp1252", "windows1252": self = .cp1252
        case "latin1", "iso88591": self = .latin1
        case "gb18030", "gbk", "gb2312": self = .gb18030
        default:
            throw UsageError("unknown encoding '\(name)'; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The iconv name for converting from this encoding, or `nil` for UTF-8.
    var iconvName: String? {
        switch self {
        case .utf8: return nil
        case .utf16: return "UTF-16"
        case .utf16le: return "UTF-16LE"
        case .utf16be: return "UTF-16BE"
        case .cp1252: return "CP1252"
        case .latin1: return "ISO-8859-1"
        case .gb18030: return "GB18030"
        }
    }
}

/// Converts a byte stream in some encoding to UTF-8 with the C library's iconv.
///
/// Owns the iconv descriptor and closes it in `deinit`. Bytes the encoding does not define
/// become U+FFFD rather than stopping the read; a sequence cut by a chunk boundary is kept
/// for the next call.
final class Transcoder {
    private let descriptor: iconv_t
    private var carry: [UInt8] = []
    private var output = [UInt8](repeating: 0, count: 1 << 18)

    init(from encoding: TextEncoding, path: String) throws {
        let name = encoding.iconvName ?? "UTF-8"
        let handle = iconv_open("UTF-8", name)
        guard let handle, Int(bitPattern: handle) != -1 else {
            throw InputError(file: path, line: 0, reason: "this system cannot decode \(encoding.rawValue) (iconv has no \(name)); convert the file to UTF-8 first, e.g. iconv -f \(name) -t UTF-8")
        }
        descriptor = handle
    }

    deinit { iconv_close(descriptor) }

    /// Converts `input` (plus any bytes carried from the last call) and appends UTF-8 to `out`.
    /// Pass `final: true` on the last call so a truncated sequence at the end becomes U+FFFD.
    func convert(_ input: UnsafeBufferPointer<UInt8>, final: Bool, into out: inout [UInt8]) {
        carry.append(contentsOf: input)
        var consumed = 0
        carry.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                while consumed < source.count {
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress! + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = source.count - consumed
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = result == -1 ? errno : 0
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: target[0..<(target.count - outLeft)]))
                    consumed = source.count - inLeft
                    if failure == E2BIG { continue }
                    if failure == EILSEQ || (failure == EINVAL && final) {
                        out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        consumed += 1
                        continue
                    }
                    break
                }
            }
        }
        carry.removeFirst(consumed)
    }
}
