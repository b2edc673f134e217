/// One action on a shared item: the unit co-actions are made of.
struct Action: Sendable {
    /// The item's key (a hash; for texts and memes, the near-duplicate group's key).
    var key: UInt64
    /// Seconds since 1970 (minute-floored for minute-resolution posts).
    var time: Int64
    /// The account's index.
    var account: UInt32
    /// The post's index, or the switch's index for stance switches; the top bit marks
    /// minute-resolution times.
    var post: UInt32

    static let minuteFlag: UInt32 = 1 << 31

    /// Whether the time is known only to the minute.
    var isMinute: Bool { post & Self.minuteFlag != 0 }
    /// The post (or switch) index without the flag.
    var index: Int { Int(post & ~Self.minuteFlag) }
}
