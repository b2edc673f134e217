import FuzzSupport
import TurfIO

/// A mapping that sends several fields through the list, id and time paths.
private let mapping = try! FieldMapping(parsing: "id=id,text=body,account_id=user.id,created_at=time,hashtags=tags,retweet_of=rt,media=media")

/// libFuzzer entry: the input is a whole file read with `--format csv`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    FuzzSupport.readPosts(start, count, format: .csv, mapping: mapping)
    return 0
}
