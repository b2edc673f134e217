import FuzzSupport
import TurfIO

/// libFuzzer entry: the first byte picks JSONL or CSV, the rest is the labelled file. The
/// training reader (`readBlocks`) must give exactly the texts and labels of `read()`, or the
/// same error; a difference stops the fuzzer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let csv = start.load(as: UInt8.self) & 1 == 1
    FuzzSupport.writeScratch(start + 1, count - 1)
    let reader = LabelledReader(path: FuzzSupport.scratchPath, format: csv ? .csv(textColumn: "text", labelColumn: "label") : .jsonl)
    let posts = Result { try reader.read() }
    let blocks = Result { try reader.readBlocks() }
    switch (posts, blocks) {
    case (.success(let posts), .success(let blocks)):
        // Texts compared as bytes: `String` equality would accept a precomposed accent for a decomposed one.
        let texts = blocks.flatMap { block in (0..<block.count).map { (Array(block.bytes[block.range($0)]), block.labels[$0]) } }
        guard texts.count == posts.count, zip(posts, texts).allSatisfy({ Array($0.text.utf8) == $1.0 && $0.labels == $1.1 }) else {
            fatalError("readBlocks and read disagree")
        }
    case (.failure(let postError), .failure(let blockError)):
        guard "\(postError)" == "\(blockError)" else { fatalError("different errors: \(postError) / \(blockError)") }
    default:
        fatalError("one reader failed and the other did not")
    }
    return 0
}
