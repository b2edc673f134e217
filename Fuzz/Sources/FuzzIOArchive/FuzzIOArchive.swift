import FuzzSupport
import TurfIO

/// libFuzzer entry: the input is a whole file read with `--format ioArchive`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.readPosts(start, count, format: .ioArchive)
    return 0
}
