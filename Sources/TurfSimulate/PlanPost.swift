/// An image attached to a simulated post: its media key, 64-bit perceptual hash and caption.
public struct SimMedia: Sendable, Equatable {
    /// The API media key, e.g. `3_829…`.
    public var key: String
    /// A 64-bit perceptual hash; near-identical images differ in a few bits.
    public var phash: UInt64
    /// The meme caption (also given as the image's alt text); empty for photos without text.
    public var caption: String
}

/// A post fixed by the scenario plan before any account is generated, because other accounts
/// react to it: broadcaster posts (retweeted, replied to, cascaded) and the originals a
/// retweet ring amplifies.
struct PlanPost: Sendable {
    /// The tweet id.
    var id: UInt64
    /// Posting time, seconds since 1970.
    var time: Int64
    /// The author's account index.
    var author: Int
    /// Text and entities.
    var piece: TextPiece
    /// Planted stance.
    var stance: Stance
    /// Language code.
    var lang: String
    /// Attached images.
    var media: [SimMedia] = []
}

/// Tweet ids as Twitter makes them (snowflakes: milliseconds since 2010-11-04 shifted left 22 bits),
/// made unique by construction so no two simulated posts share one.
enum TweetID {
    /// Twitter's snowflake epoch in milliseconds.
    static let epochMilliseconds: Int64 = 1_288_834_974_657

    /// The id of an account's post: the millisecond field and the low 22 bits carry the account
    /// index and the post's rank among that account's posts in the same second.
    static func generated(time: Int64, account: Int, sequence: Int) -> UInt64 {
        let value = UInt64(account) << 8 | UInt64(sequence & 0xFF)
        return compose(time: time, milliseconds: Int64(value >> 22), low: value & 0x3F_FFFF)
    }

    /// The id of the `index`th plan post: its millisecond field is 1000 or more, a range no
    /// generated post uses.
    static func planned(time: Int64, index: Int) -> UInt64 {
        compose(time: time, milliseconds: 1000 + Int64(index >> 22), low: UInt64(index) & 0x3F_FFFF)
    }

    private static func compose(time: Int64, milliseconds: Int64, low: UInt64) -> UInt64 {
        UInt64(time * 1000 + milliseconds - epochMilliseconds) << 22 | low
    }
}
