/// One CSV row being decoded against its header: the shared front half of every CSV decoder.
struct CSVRow: Sendable {
    let header: CSVHeader
    private var fields = CSVFields()
    private var tape = JSONTape()

    init(header: CSVHeader) {
        self.header = header
    }

    /// Checks and splits `record`; a row with a different number of fields than the header is an error.
    mutating func load(_ record: UnsafeBufferPointer<UInt8>) throws(RecordError) {
        try FieldText.requireUTF8(record)
        try fields.parse(record, delimiter: header.delimiter)
        if fields.count != header.names.count {
            throw RecordError(
                kind: "wrong field count",
                message: "expected \(header.names.count) fields as in the header, found \(fields.count)"
            )
        }
    }

    /// The trimmed value of `column`, or `nil` when the column is absent or the cell empty.
    mutating func value(_ column: Int?, in record: UnsafeBufferPointer<UInt8>) -> String? {
        guard let column, let raw = fields.string(column, in: record) else { return nil }
        let value = FieldText.trim(raw)
        return value.isEmpty ? nil : value
    }

    /// The cell of `column` exactly as written (text keeps its spaces), or empty.
    mutating func text(_ column: Int?, in record: UnsafeBufferPointer<UInt8>) -> String {
        guard let column else { return "" }
        return fields.string(column, in: record) ?? ""
    }

    /// A JSON-encoded list cell (twarc-csv): strings as is, objects by their `key` member.
    mutating func jsonList(_ column: Int?, key: StaticString, in record: UnsafeBufferPointer<UInt8>) -> [String] {
        guard var cell = value(column, in: record) else { return [] }
        return cell.withUTF8 { bytes in
            guard (try? tape.parse(bytes)) != nil, tape.kind(0) == .array else { return FieldText.list(String(decoding: bytes, as: UTF8.self)) }
            var items: [String] = []
            var elements: [Int] = []
            tape.forEachElement(0) { elements.append($0) }
            for element in elements {
                if tape.kind(element) == .object {
                    if let member = tape.member(element, key, in: bytes), let text = tape.scalarText(member, in: bytes) { items.append(text) }
                } else if let text = tape.scalarText(element, in: bytes) {
                    items.append(text)
                }
            }
            return items
        }
    }

    /// Media objects from a JSON-encoded cell (twarc-csv `attachments.media`), with captions.
    mutating func jsonMedia(_ column: Int?, in record: UnsafeBufferPointer<UInt8>) -> (media: [MediaRef], captions: [String]) {
        guard var cell = value(column, in: record) else { return ([], []) }
        return cell.withUTF8 { bytes in
            guard (try? tape.parse(bytes)) != nil, tape.kind(0) == .array else { return ([], []) }
            var media: [MediaRef] = []
            var captions: [String] = []
            var elements: [Int] = []
            tape.forEachElement(0) { elements.append($0) }
            for element in elements {
                guard let keyNode = tape.member(element, "media_key", in: bytes), let key = tape.scalarText(keyNode, in: bytes) else { continue }
                var hash: UInt64?
                for field: StaticString in ["phash", "perceptual_hash", "dhash"] where hash == nil {
                    if let node = tape.member(element, field, in: bytes) { hash = tape.scalarText(node, in: bytes).flatMap(FieldText.perceptualHash) }
                }
                media.append(MediaRef(id: key, hash: hash))
                for field: StaticString in ["alt_text", "caption", "ocr_text"] {
                    if let node = tape.member(element, field, in: bytes), let text = tape.scalarText(node, in: bytes), !text.isEmpty {
                        captions.append(text)
                    }
                }
            }
            return (media, captions)
        }
    }

    /// A media key with its optional perceptual hash.
    struct MediaRef {
        var id: String
        var hash: UInt64?
    }
}
