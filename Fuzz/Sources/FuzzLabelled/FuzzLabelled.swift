import FuzzSupport
import TurfIO

/// libFuzzer entry: the first byte picks JSONL or CSV, the rest is the labelled file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let csv = start.load(as: UInt8.self) & 1 == 1
    FuzzSupport.writeScratch(start + 1, count - 1)
    let reader = LabelledReader(path: FuzzSupport.scratchPath, format: csv ? .csv(textColumn: "text", labelColumn: "label") : .jsonl)
    if let posts = try? reader.read() {
        for post in posts { _ = post.text.utf8.count + post.labels.count }
    }
    return 0
}
