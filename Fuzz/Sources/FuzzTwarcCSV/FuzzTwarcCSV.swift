import FuzzSupport
import TurfIO

/// libFuzzer entry: the input is a whole file read with `--format twarcCSV`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.readPosts(start, count, format: .twarcCSV)
    return 0
}
