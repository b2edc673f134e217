import FuzzSupport
import TurfModel
import TurfText

/// libFuzzer entry: the input is a whole model file, loaded as `classify --model` loads it
/// (mapped, header and metadata validated); a model that loads then scores one post.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.writeScratch(start, count)
    guard let model = try? StanceModel.load(path: FuzzSupport.scratchPath) else { return 0 }
    let vector = FeatureExtractor(config: model.featureConfig).vector(for: "Don't vote Nuttall #DontVoteNuttall https://t.co/x 1234 ааа")
    _ = model.scores(for: vector)
    return 0
}
