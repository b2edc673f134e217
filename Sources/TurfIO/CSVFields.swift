/// The fields of one CSV record (RFC 4180: quoted fields may hold commas, newlines and doubled
/// quotes), found as byte spans and decoded to strings only when asked for.
///
/// Reused for every row a thread reads, so splitting a row allocates nothing.
/// Measured against CSV.swift in docs/input-formats.md.
public struct CSVFields: Sendable {
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var escaped: [Bool] = []
    private var scratch: [UInt8] = []

    /// Creates an empty field list.
    public init() {}

    /// The number of fields in the last parsed record.
    public var count: Int { starts.count }

    /// Splits `record` into fields separated by `delimiter` (a comma, or a tab for the
    /// "Unicode text" spreadsheets save).
    /// - Throws: `RecordError` when a quoted field is followed by anything but the delimiter.
    public mutating func parse(_ record: UnsafeBufferPointer<UInt8>, delimiter: UInt8 = 0x2C) throws(RecordError) {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        escaped.removeAll(keepingCapacity: true)
        let count = record.count
        var index = 0
        while true {
            if index < count, record[index] == 0x22 {
                var cursor = index + 1
                var doubled = false
                while true {
                    guard cursor < count else {
                        throw RecordError(kind: "malformed CSV", message: "malformed CSV: quoted field \(starts.count + 1) never closed")
                    }
                    if record[cursor] == 0x22 {
                        if cursor + 1 < count, record[cursor + 1] == 0x22 {
                            doubled = true
                            cursor += 2
                            continue
                        }
                        break
                    }
                    cursor += 1
                }
                starts.append(index + 1)
                ends.append(cursor)
                escaped.append(doubled)
                index = cursor + 1
                if index == count { return }
                guard record[index] == delimiter else {
                    throw RecordError(kind: "malformed CSV", message: "malformed CSV: text after the closing quote of field \(starts.count)")
                }
                index += 1
                if index == count { appendEmpty(at: index); return }
            } else {
                let start = index
                while index < count, record[index] != delimiter { index += 1 }
                starts.append(start)
                ends.append(index)
                escaped.append(false)
                if index == count { return }
                index += 1
                if index == count { appendEmpty(at: index); return }
            }
        }
    }

    private mutating func appendEmpty(at index: Int) {
        starts.append(index)
        ends.append(index)
        escaped.append(false)
    }

    /// Field `index` as a string (doubled quotes undone), or `nil` past the last field.
    public mutating func string(_ index: Int, in record: UnsafeBufferPointer<UInt8>) -> String? {
        guard index >= 0, index < starts.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: record[starts[index]..<ends[index]])
        guard escaped[index] else { return String(decoding: raw, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        var position = 0
        while position < raw.count {
            scratch.append(raw[position])
            position += raw[position] == 0x22 ? 2 : 1
        }
        return String(decoding: scratch, as: UTF8.self)
    }
}

/// A CSV header: column names to positions, so readers find columns by name whatever their order.
public struct CSVHeader: Sendable {
    /// The column names in file order, trimmed.
    public let names: [String]
    /// The field separator: a comma, or a tab when the header has tabs and no commas
    /// (spreadsheets' "Unicode text" exports are tab-separated UTF-16).
    public let delimiter: UInt8
    private let positions: [String: Int]

    /// Reads the header from the first record.
    public init(record: UnsafeBufferPointer<UInt8>) throws(RecordError) {
        try FieldText.requireUTF8(record)
        delimiter = record.contains(0x09) && !record.contains(0x2C) ? 0x09 : 0x2C
        var fields = CSVFields()
        try fields.parse(record, delimiter: delimiter)
        var names: [String] = []
        for index in 0..<fields.count { names.append(FieldText.trim(fields.string(index, in: record) ?? "")) }
        self.names = names
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
    }

    /// The position of column `name`, or `nil` when the file has none.
    public func index(_ name: String) -> Int? { positions[name] }

    /// Whether every name in `names` is a column.
    public func has(_ names: [String]) -> Bool { names.allSatisfy { positions[$0] != nil } }
}
