import Foundation
import FuzzSupport
@testable import TurfModel
import TurfText

/// libFuzzer entry: the input is a whole model file. It is mapped and its header validated; when
/// that succeeds the metadata is read, the tensors' bytes are touched and the stored feature
/// configuration is used on a post, as loading a model for `classify` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.writeScratch(start, count)
    guard let file = try? MappedFile(path: FuzzSupport.scratchPath),
          let (tensors, strings) = try? Safetensors.parse(file) else { return 0 }
    var sum = 0.0
    for tensor in tensors.values {
        let bytes = file.bytes(tensor.range)
        for index in stride(from: 0, to: bytes.count, by: 8) { sum += bytes.loadUnaligned(fromByteOffset: index, as: Double.self) }
    }
    _ = sum
    guard let metadata = try? ModelMetadata(strings: strings),
          let config = try? JSONDecoder().decode(FeatureConfig.self, from: Data(metadata.featureConfigJSON.utf8))
    else { return 0 }
    let extractor = FeatureExtractor(config: config)
    _ = extractor.vector(for: "Don't vote Nuttall #DontVoteNuttall https://t.co/x 1234 ааа")
    return 0
}
