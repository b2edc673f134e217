/// The registrable part of a host name (`news.bbc.co.uk` gives `bbc.co.uk`).
///
/// Not the full Public Suffix List: the last two labels, or the last three when the second-level
/// label together with the top-level one is a common public suffix (`co.uk`, `com.ru`, `gov.ua`,
/// ...). Covers the hosts that dominate post exports without shipping a 200 KB list; an IPv4
/// address is returned whole.
enum RegistrableDomain {
    /// The byte range of the registrable domain inside `host` (lower-case ASCII, no trailing dot).
    /// - Complexity: O(host length)
    static func range(in host: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let count = host.count
        var dots: (last: Int, second: Int, third: Int) = (-1, -1, -1)
        var allNumeric = true
        for index in stride(from: count - 1, through: 0, by: -1) {
            let byte = host[index]
            if byte == 0x2E {
                if dots.last < 0 {
                    dots.last = index
                } else if dots.second < 0 {
                    dots.second = index
                } else if dots.third < 0 {
                    dots.third = index
                }
            } else if !CharacterClass.isDigit(byte) {
                allNumeric = false
            }
        }
        if allNumeric || dots.second < 0 { return 0..<count }
        // The candidate suffix is host[dots.second+1 ..< count], e.g. "co.uk".
        let suffix = UnsafeBufferPointer(rebasing: host[(dots.second + 1)..<count])
        let secondLevel = UnsafeBufferPointer(rebasing: host[(dots.second + 1)..<dots.last])
        if isPublicSecondLevel(secondLevel, suffixLength: suffix.count) {
            return (dots.third + 1)..<count
        }
        return (dots.second + 1)..<count
    }

    /// Second-level labels that are public suffixes under a country code (`co.uk`, `com.au`).
    private static func isPublicSecondLevel(_ label: UnsafeBufferPointer<UInt8>, suffixLength: Int) -> Bool {
        // Only under a two-letter country code: suffix = label + "." + 2 letters.
        guard suffixLength == label.count + 3 else { return false }
        for candidate in publicSecondLevels where candidate.count == label.count && candidate.elementsEqual(label) {
            return true
        }
        return false
    }

    private static let publicSecondLevels: [[UInt8]] = [
        "co", "com", "org", "net", "gov", "ac", "edu", "ltd", "plc", "me", "nhs", "police", "sch", "mil",
        "spb", "msk", "in", "or", "ne", "go", "gv", "nic", "gob", "info", "biz", "nom", "kiev", "kyiv",
    ].map { Array($0.utf8) }
}
