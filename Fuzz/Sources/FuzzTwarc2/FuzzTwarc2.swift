import FuzzSupport
import TurfIO

/// libFuzzer entry: the input is a whole file read with `--format twarc2`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.readPosts(start, count, format: .twarc2)
    return 0
}
