/// The second pass: splits normalised UTF-8 into tokens and writes them, folded, into a
/// `TokenList`.
///
/// One left-to-right scan with one byte of look-behind (`afterWord`, so `a@b` is not a mention
/// and `C#` not a hashtag). ASCII takes the fast paths; other scalars are decoded in place.
/// Nothing is allocated per token. Sixteen readable bytes must follow the text (`Tokenizer`
/// pads it with spaces), so word-wide loads near the end stay in bounds.
struct TokenScanner {
    let text: UnsafePointer<UInt8>
    let count: Int
    /// Borrowed from the `Tokenizer`, which outlives every scan.
    unowned(unsafe) let rules: TokenizerRules
    var list: TokenList

    /// Scans the whole text.
    mutating func run() {
        var index = skipSpaces(from: 0)
        // Most posts do not start with `rt`: test that here, not in a call every post pays.
        if index + 5 < count && text[index] | 0x20 == 0x72 { index = skipRetweetMarker(at: index) }
        var afterWord = false
        let russianFastPath = rules.fastPaths && rules.config.maxRepeat != 1
        while index < count {
            let byte = text[index]
            if byte == 0x20 {
                index &+= 1
                afterWord = false
                continue
            }
            if byte < 0x80 {
                if CharacterClass.isASCIIAlphanumeric(byte) {
                    if !afterWord && startsLink(at: index), let end = scanURL(at: index) {
                        index = end
                        afterWord = false
                        continue
                    }
                    index = scanWord(at: index)
                    // A word is usually followed by one space: step over it here, on a branch
                    // of its own, rather than in another turn of the dispatch.
                    afterWord = text[index] != 0x20
                    index &+= afterWord ? 0 : 1
                    continue
                }
                switch byte {
                case 0x40:  // @
                    if !afterWord, let end = scanMention(at: index) {
                        index = end
                        afterWord = true
                        continue
                    }
                case 0x23:  // #
                    if !afterWord, let end = scanHashtag(at: index) {
                        index = end
                        afterWord = true
                        continue
                    }
                case 0x24:  // $
                    if !afterWord, let end = scanCashtag(at: index) {
                        index = end
                        afterWord = true
                        continue
                    }
                case 0x21, 0x3F:  // ! ?
                    index = scanPunctuationRun(at: index)
                    afterWord = false
                    continue
                default:
                    break
                }
                index &+= 1
                afterWord = false
                continue
            }
            if byte &- 0xD0 < 2 && russianFastPath, let end = scanLowerRussianWord(at: index) {
                index = end
                afterWord = true
                continue
            }
            let (scalar, length) = UTF8Writer.read(text + index)
            if CharacterClass.isEmojiStart(scalar) {
                index = scanEmoji(at: index)
                afterWord = false
            } else if CharacterClass.isWordScalar(scalar) {
                index = scanGeneralWord(at: index)
                afterWord = true
            } else {
                index &+= length
                afterWord = false
            }
        }
    }

    /// Whether the text at `index` starts with `http` or `www.` in any case, the only starts
    /// `scanURL` accepts: one comparison of four bytes, so the many words that merely begin
    /// with `h` or `w` cost no call and no mispredicted branch. Reads into the padding.
    @inline(__always)
    private func startsLink(at index: Int) -> Bool {
        let four = UInt32(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt32.self)) | 0x2020_2020
        return (four == 0x7074_7468) || (four == 0x2E77_7777)  // "http", "www."
    }

    // MARK: Markers and entities

    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < count && text[index] == 0x20 { index &+= 1 }
        return index
    }

    /// Recognises a leading `RT @handle:` and records the handle.
    private mutating func skipRetweetMarker(at start: Int) -> Int {
        guard start + 5 < count, text[start] | 0x20 == 0x72, text[start + 1] | 0x20 == 0x74,
            text[start + 2] == 0x20
        else { return start }
        let at = skipSpaces(from: start + 2)
        guard at < count, text[at] == 0x40 else { return start }
        let handleEnd = handleEnd(from: at + 1)
        guard handleEnd > at + 1, handleEnd < count, text[handleEnd] == 0x3A else { return start }
        list.retweetedHandle = (at + 1)..<handleEnd
        return handleEnd + 1
    }

    @inline(__always)
    private func isHandleByte(_ byte: UInt8) -> Bool {
        CharacterClass.isASCIIAlphanumeric(byte) || byte == 0x5F
    }

    private func handleEnd(from start: Int) -> Int {
        if rules.fastPaths { return runEnd(from: start, where: Self.handleBytes) }
        var index = start
        while index < count && isHandleByte(text[index]) { index &+= 1 }
        return index
    }

    /// The end of the run of bytes from `start` that `accepted` marks (a `ByteMask` test),
    /// eight bytes at a time: a byte-by-byte loop over handles, hosts and link paths (random
    /// letters and digits) mispredicts its class tests and its exit. The test must reject a
    /// space, so the padding after the text ends every run by `count`.
    @inline(__always)
    private func runEnd(from start: Int, where accepted: (UInt64) -> UInt64) -> Int {
        var end = start
        while true {
            let word = UInt64(littleEndian: UnsafeRawPointer(text + end).loadUnaligned(as: UInt64.self))
            let length = (~accepted(word) & ByteMask.high).trailingZeroBitCount &>> 3
            end &+= length
            if length < 8 { return end }
        }
    }

    /// ASCII letters, digits and `_`, the bytes of a handle.
    @inline(__always)
    private static func handleBytes(_ word: UInt64) -> UInt64 {
        ByteMask.inRange(word | ByteMask.repeating(0x20), 0x61, 0x7A) | ByteMask.inRange(word, 0x30, 0x39)
            | ByteMask.equal(word, 0x5F)
    }

    /// ASCII letters, digits, `.`, `-` and `_`, the bytes of a host name.
    @inline(__always)
    private static func hostBytes(_ word: UInt64) -> UInt64 {
        handleBytes(word) | ByteMask.inRange(word, 0x2D, 0x2E)
    }

    /// Every byte but a space.
    @inline(__always)
    private static func nonSpaces(_ word: UInt64) -> UInt64 { ~ByteMask.equal(word, 0x20) }

    private mutating func scanMention(at start: Int) -> Int? {
        let end = handleEnd(from: start + 1)
        guard end > start + 1 else { return nil }
        list.begin(maximumBytes: 5)
        list.append(0x40)
        list.append(0x75)
        list.append(0x73)
        list.append(0x65)
        list.append(0x72)
        commit(.mention)
        if rules.config.mentionHandles {
            list.begin(maximumBytes: end - start)
            for index in start..<end { list.append(text[index] &+ (((text[index] &- 0x41) < 26) ? 0x20 : 0)) }
            commit(.handle)
        }
        return end
    }

    private mutating func scanCashtag(at start: Int) -> Int? {
        var end = start + 1
        while end < count && ((text[end] | 0x20) &- 0x61) < 26 { end &+= 1 }
        let letters = end - start - 1
        guard letters >= 1 && letters <= 6 else { return nil }
        if end < count && (isHandleByte(text[end]) || text[end] >= 0x80) { return nil }
        list.begin(maximumBytes: end - start)
        list.append(0x24)
        for index in (start + 1)..<end { list.append(text[index] | 0x20) }
        commit(.cashtag)
        return end
    }

    private mutating func scanPunctuationRun(at start: Int) -> Int {
        var bangs = 0
        var questions = 0
        var end = start
        while end < count {
            if text[end] == 0x21 {
                bangs &+= 1
            } else if text[end] == 0x3F {
                questions &+= 1
            } else {
                break
            }
            end &+= 1
        }
        guard rules.config.punctuationRuns else { return end }
        list.begin(maximumBytes: 2)
        if questions == 0 {
            list.append(0x21)
            if bangs > 1 { list.append(0x21) }
        } else if bangs == 0 {
            list.append(0x3F)
            if questions > 1 { list.append(0x3F) }
        } else {
            list.append(0x3F)
            list.append(0x21)
        }
        commit(.punctuation)
        return end
    }

    // MARK: URLs

    /// Scans `http://`, `https://` or `www.` links; nil when the text is not a link.
    private mutating func scanURL(at start: Int) -> Int? {
        var hostStart = start
        if text[start] | 0x20 == 0x68 {
            guard start + 7 < count, text[start + 1] | 0x20 == 0x74, text[start + 2] | 0x20 == 0x74,
                text[start + 3] | 0x20 == 0x70
            else { return nil }
            var colon = start + 4
            if text[colon] | 0x20 == 0x73 { colon += 1 }
            guard colon + 2 < count, text[colon] == 0x3A, text[colon + 1] == 0x2F, text[colon + 2] == 0x2F else {
                return nil
            }
            hostStart = colon + 3
        } else {
            guard start + 4 < count, text[start + 1] | 0x20 == 0x77, text[start + 2] | 0x20 == 0x77,
                text[start + 3] == 0x2E
            else { return nil }
        }
        var hostEnd = hostStart
        var end: Int
        if rules.fastPaths {
            hostEnd = runEnd(from: hostStart, where: Self.hostBytes)
            end = runEnd(from: hostEnd, where: Self.nonSpaces)
        } else {
            while hostEnd < count {
                let byte = text[hostEnd]
                guard CharacterClass.isASCIIAlphanumeric(byte) || byte == 0x2E || byte == 0x2D || byte == 0x5F else {
                    break
                }
                hostEnd &+= 1
            }
            end = hostEnd
            while end < count && text[end] != 0x20 { end &+= 1 }
        }
        while hostEnd > hostStart && (text[hostEnd - 1] == 0x2E || text[hostEnd - 1] == 0x2D) { hostEnd -= 1 }
        if hostEnd - hostStart > 4, text[hostStart] | 0x20 == 0x77, text[hostStart + 1] | 0x20 == 0x77,
            text[hostStart + 2] | 0x20 == 0x77, text[hostStart + 3] == 0x2E
        {
            hostStart += 4
        }
        guard hostEnd > hostStart else { return hostStart > start + 4 ? end : nil }
        let hostLength = hostEnd - hostStart
        list.begin(maximumBytes: hostLength + 4)
        list.append(0x75)
        list.append(0x72)
        list.append(0x6C)
        list.append(0x3A)
        let hostOffset = list.bytes.count
        for index in hostStart..<hostEnd { list.append(text[index] &+ (((text[index] &- 0x41) < 26) ? 0x20 : 0)) }
        let isTCo = hostLength == 4 && text[hostStart] | 0x20 == 0x74 && text[hostStart + 1] == 0x2E
            && text[hostStart + 2] | 0x20 == 0x63 && text[hostStart + 3] | 0x20 == 0x6F
        let tokenStart = list.pending
        commit(.url)
        if rules.config.urlDomains && !isTCo && list.count > 0 && Int(list.starts.base[list.count - 1]) == tokenStart {
            let host = UnsafeBufferPointer(start: list.bytes.base + hostOffset, count: hostLength)
            let domain = RegistrableDomain.range(in: host)
            list.begin(maximumBytes: domain.count + 7)
            for byte in "domain:".utf8 { list.append(byte) }
            list.append(list.bytes.base + hostOffset + domain.lowerBound, count: domain.count)
            commit(.domain)
        }
        return end
    }

    // MARK: Emoji

    private mutating func scanEmoji(at start: Int) -> Int {
        var index = start
        list.begin(maximumBytes: 0)
        list.bytes.reserve(extra: 16)
        var (scalar, length) = UTF8Writer.read(text + index)
        list.appendScalar(scalar)
        index &+= length
        if CharacterClass.isRegionalIndicator(scalar), index < count {
            let (next, nextLength) = UTF8Writer.read(text + index)
            if CharacterClass.isRegionalIndicator(next) {
                list.appendScalar(next)
                index &+= nextLength
            }
        }
        while index < count && text[index] >= 0x80 {
            (scalar, length) = UTF8Writer.read(text + index)
            if CharacterClass.isSkinTone(scalar) {
                index &+= length
            } else if (0xE0020...0xE007F).contains(scalar) || scalar == 0x20E3 {
                list.bytes.reserve(extra: 5)
                list.appendScalar(scalar)
                index &+= length
            } else if scalar == 0x200D, index + length < count {
                let (joined, joinedLength) = UTF8Writer.read(text + index + length)
                guard CharacterClass.isEmojiStart(joined) else { break }
                list.bytes.reserve(extra: 9)
                list.appendScalar(scalar)
                list.appendScalar(joined)
                index &+= length &+ joinedLength
            } else {
                break
            }
        }
        if rules.config.emoji {
            commit(.emoji)
        } else {
            list.abandon()
        }
        return index
    }

    // MARK: Words, numbers, hashtags

    /// Scans a word or number starting at a word scalar.
    ///
    /// ASCII words, the common case, are lower-cased and capped into the token list in the same
    /// pass that finds their end; a word that turns out to hold other scalars starts over on
    /// the general path.
    private mutating func scanWord(at start: Int) -> Int {
        if rules.fastPaths && rules.config.maxRepeat != 1, var end = scanLetterWord(at: start) {
            // Plain words one space apart (most of a post) follow each other here instead of
            // going back through the dispatch loop, which would find the same thing: a
            // space, then a letter that does not start a link.
            while text[end] == 0x20 {
                let next = end &+ 1
                guard ((text[next] | 0x20) &- 0x61) < 26, !startsLink(at: next), let after = scanLetterWord(at: next) else {
                    break
                }
                end = after
            }
            return end
        }
        list.begin(maximumBytes: 2 &* (count &- start))
        let maxRepeat = rules.config.maxRepeat
        let out = list.bytes.base
        var written = list.bytes.count
        var index = start
        var allDigits = true
        var previousIsLetter = false
        var previousIsDigit = false
        var last: UInt8 = 0
        var run = 0
        while index < count {
            var byte = text[index]
            if byte >= 0x80 { return scanGeneralWord(at: start) }
            if CharacterClass.isDigit(byte) {
                previousIsDigit = true
                previousIsLetter = false
            } else if ((byte | 0x20) &- 0x61) < 26 {
                byte |= 0x20
                allDigits = false
                previousIsLetter = true
                previousIsDigit = false
            } else if index &+ 1 < count, byte == 0x27 && previousIsLetter && ((text[index &+ 1] | 0x20) &- 0x61) < 26 {
                previousIsLetter = false
            } else if index &+ 1 < count, (byte == 0x2E || byte == 0x2C) && previousIsDigit && allDigits
                && CharacterClass.isDigit(text[index &+ 1])
            {
                previousIsDigit = false
            } else {
                break
            }
            index &+= 1
            if byte == last {
                run &+= 1
                if maxRepeat > 0 && run > maxRepeat && previousIsLetter { continue }
            } else {
                last = byte
                run = 1
            }
            out[written] = byte
            written &+= 1
        }
        if allDigits {
            appendNumber(from: start, to: index)
        } else {
            list.bytes.count = written
            commit(.word)
        }
        return index
    }

    /// The fast path for a word of ASCII letters only, eight bytes at a time: finds its end,
    /// lower-cases it and checks for a letter repeated three times in one pass of word-wide
    /// bit operations; an apostrophe between letters stays in the word. Returns nil, having
    /// written nothing, when the word may need the general rules: it starts with or runs into
    /// a digit or a non-ASCII byte, or it
    /// repeats a letter more than twice (with `maxRepeat` 2; any `maxRepeat` but 1 is exact
    /// here, since a triple always takes the general path). Relies on the eight readable
    /// padding bytes after the text.
    @inline(__always)
    private mutating func scanLetterWord(at start: Int) -> Int? {
        let capRepeats = rules.config.maxRepeat != 0
        list.begin(maximumBytes: count &- start)
        let out = list.bytes.base + list.bytes.count
        var written = 0
        var index = start
        var previous: UInt64 = 0
        // Bytes equal to the one before them in the previous word: a letter three times in a
        // row is one equal to the byte before it, which is equal to the byte before that.
        var previousRepeats: UInt64 = 0
        while true {
            let word = UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self))
            let letters = ByteMask.inRange(word | ByteMask.repeating(0x20), 0x61, 0x7A)
            let stops = ~letters & ByteMask.high
            let length = stops.trailingZeroBitCount &>> 3
            let lowered = word | (letters &>> 2)
            let repeats = ByteMask.zero(lowered ^ ((lowered &<< 8) | (previous &>> 56)))
            if capRepeats {
                let inWord = (stops & (0 &- stops)) &- 1
                if repeats & ((repeats &<< 8) | (previousRepeats &>> 56)) & letters & inWord != 0 { return nil }
            }
            UnsafeMutableRawPointer(out + written).storeBytes(of: lowered.littleEndian, as: UInt64.self)
            written &+= length
            index &+= length
            if length == 8 {
                previous = lowered
                previousRepeats = repeats
                continue
            }
            let stop = text[index]
            if stop == 0x27 {
                // An apostrophe between letters belongs to the word (`don't`) and ends a run.
                guard ((text[index &+ 1] | 0x20) &- 0x61) < 26 else { break }
                written &+= 1
                index &+= 1
                previous = 0x27 &<< 56
                previousRepeats = 0
                continue
            }
            if CharacterClass.isDigit(stop) || stop >= 0x80 { return nil }
            break
        }
        list.bytes.count &+= written
        commit(.word)
        return index
    }

    /// The fast path for a word of lower-case Russian letters (`а` to `я` without `ё`), four
    /// letters at a time, as `scanLetterWord` does for ASCII: such a word needs no folding, so
    /// it is copied once its end is found and no letter is found three times in a row.
    /// Returns nil, having written nothing, for anything else (capitals, `ё`, other letters,
    /// digits, an apostrophe, a letter repeated three times), which the general path handles.
    @inline(__always)
    private mutating func scanLowerRussianWord(at start: Int) -> Int? {
        let low: UInt64 = 0x7FFF_7FFF_7FFF_7FFF
        let laneHigh: UInt64 = 0x8000_8000_8000_8000
        // Bit 15 of each 16-bit lane set when the lane is zero, exactly.
        @inline(__always) func zeroLanes(_ value: UInt64) -> UInt64 { ~(((value & low) &+ low) | value | low) }
        let capRepeats = rules.config.maxRepeat != 0
        list.begin(maximumBytes: count &- start)
        let out = list.bytes.base + list.bytes.count
        var written = 0
        var index = start
        var previous: UInt64 = 0
        var previousRepeats: UInt64 = 0
        while true {
            let word = UInt64(littleEndian: UnsafeRawPointer(text + index).loadUnaligned(as: UInt64.self))
            // а-п are D0 B0-BF and р-я are D1 80-8F: lead and the trail's top nibble decide.
            let shape = word & 0xF0FF_F0FF_F0FF_F0FF
            let letters = zeroLanes(shape ^ 0xB0D0_B0D0_B0D0_B0D0) | zeroLanes(shape ^ 0x80D1_80D1_80D1_80D1)
            let stops = ~letters & laneHigh
            let length = (stops.trailingZeroBitCount &>> 3) & ~1
            // Letters equal to the one before them (as in `scanLetterWord`).
            let repeats = zeroLanes(word ^ ((word &<< 16) | (previous &>> 48)))
            if capRepeats {
                let inWord = (stops & (0 &- stops)) &- 1
                if repeats & ((repeats &<< 16) | (previousRepeats &>> 48)) & letters & inWord != 0 { return nil }
            }
            UnsafeMutableRawPointer(out + written).storeBytes(of: word.littleEndian, as: UInt64.self)
            written &+= length
            index &+= length
            if length == 8 {
                previous = word
                previousRepeats = repeats
                continue
            }
            let stop = text[index]
            if written == 0 || stop >= 0x80 || CharacterClass.isASCIIAlphanumeric(stop) || stop == 0x27 { return nil }
            break
        }
        list.bytes.count &+= written
        commit(.word)
        return index
    }

    /// Scans a word holding non-ASCII scalars (or a number), starting at a word scalar.
    private mutating func scanGeneralWord(at start: Int) -> Int {
        if text[start] == 0xD0 || text[start] == 0xD1, let end = scanRussianWord(at: start) { return end }
        var index = start
        var allDigits = true
        var ascii = true
        var previousIsLetter = false
        var previousIsDigit = false
        var scripts = ScriptCounts()
        while index < count {
            let byte = text[index]
            if byte < 0x80 {
                if CharacterClass.isDigit(byte) {
                    previousIsDigit = true
                    previousIsLetter = false
                    index &+= 1
                    continue
                }
                if ((byte | 0x20) &- 0x61) < 26 {
                    scripts.latin &+= 1
                    allDigits = false
                    previousIsLetter = true
                    previousIsDigit = false
                    index &+= 1
                    continue
                }
                if index + 1 < count {
                    let next = text[index + 1]
                    if byte == 0x27 && previousIsLetter && ((next | 0x20) &- 0x61) < 26 {
                        previousIsLetter = false
                        index &+= 1
                        continue
                    }
                    if (byte == 0x2E || byte == 0x2C) && previousIsDigit && allDigits && CharacterClass.isDigit(next) {
                        previousIsDigit = false
                        index &+= 1
                        continue
                    }
                }
                break
            }
            let (scalar, length) = UTF8Writer.read(text + index)
            if scalar == 0x2019 && previousIsLetter && index + length < count {
                let (next, _) = UTF8Writer.read(text + index + length)
                if CharacterClass.isWordScalar(next) && !(next < 0x80 && CharacterClass.isDigit(UInt8(next))) {
                    ascii = false
                    previousIsLetter = false
                    index &+= length
                    continue
                }
            }
            guard CharacterClass.isWordScalar(scalar) else { break }
            scripts.add(scalar)
            ascii = false
            allDigits = false
            previousIsLetter = true
            previousIsDigit = false
            index &+= length
        }
        if allDigits {
            appendNumber(from: start, to: index)
        } else {
            list.begin(maximumBytes: 2 * (index - start))
            appendWord(from: start, to: index, ascii: ascii, capRepeats: true, scripts: scripts)
            commit(.word)
        }
        return index
    }

    /// The fast path for a word of Russian letters only (`А`-`я`, `Ё`, `ё`): folds and caps in
    /// the pass that finds the end. Returns nil, having written nothing, when the word holds
    /// anything else (digits, Latin letters, other scripts, marks), for the general path.
    @inline(__always)
    private mutating func scanRussianWord(at start: Int) -> Int? {
        list.begin(maximumBytes: count &- start)
        let maxRepeat = rules.config.maxRepeat
        let foldYo = rules.config.foldYo
        let out = list.bytes.base
        var written = list.bytes.count
        var index = start
        var last: UInt16 = 0
        var run = 0
        while index &+ 1 < count {
            var lead = text[index]
            var trail = text[index &+ 1]
            if lead < 0x80 {
                if CharacterClass.isASCIIAlphanumeric(lead) || lead == 0x27 { return nil }
                break
            }
            if lead == 0xD0 {
                if trail >= 0x90 && trail <= 0x9F {
                    trail &+= 0x20
                } else if trail >= 0xA0 && trail <= 0xAF {
                    lead = 0xD1
                    trail &-= 0x20
                } else if trail == 0x81 {
                    if foldYo { trail = 0xB5 } else { lead = 0xD1; trail = 0x91 }
                } else if trail < 0xB0 || trail > 0xBF {
                    return nil
                }
            } else if lead == 0xD1 {
                if trail == 0x91 {
                    if foldYo { lead = 0xD0; trail = 0xB5 }
                } else if trail < 0x80 || trail > 0x8F {
                    return nil
                }
            } else {
                return nil
            }
            index &+= 2
            let code = UInt16(lead) << 8 | UInt16(trail)
            if code == last {
                run &+= 1
                if maxRepeat > 0 && run > maxRepeat { continue }
            } else {
                last = code
                run = 1
            }
            out[written] = lead
            out[written &+ 1] = trail
            written &+= 2
        }
        if index &+ 1 == count && text[index] >= 0x80 { return nil }
        list.bytes.count = written
        commit(.word)
        return index
    }

    private mutating func appendNumber(from start: Int, to end: Int) {
        switch rules.config.numbers {
        case .classToken:
            list.begin(maximumBytes: 5)
            for byte in "<num>".utf8 { list.append(byte) }
            commit(.number)
        case .keep:
            list.begin(maximumBytes: end - start)
            list.append(text + start, count: end - start)
            commit(.number)
        case .drop:
            break
        }
    }

    /// Scans `#tag`; nil when no tag follows (`#`, `#123`).
    private mutating func scanHashtag(at start: Int) -> Int? {
        var end = start + 1
        var hasLetter = false
        var ascii = true
        if rules.fastPaths {
            // The ASCII part of the body eight bytes at a time; the loop below goes on from
            // its end (at once done when that is not a word scalar).
            while true {
                let word = UInt64(littleEndian: UnsafeRawPointer(text + end).loadUnaligned(as: UInt64.self))
                let letters = ByteMask.inRange(word | ByteMask.repeating(0x20), 0x61, 0x7A)
                let body = letters | ByteMask.inRange(word, 0x30, 0x39) | ByteMask.equal(word, 0x5F)
                let stops = ~body & ByteMask.high
                let inBody = (stops & (0 &- stops)) &- 1
                if letters & inBody != 0 { hasLetter = true }
                let length = stops.trailingZeroBitCount &>> 3
                end &+= length
                if length < 8 { break }
            }
        }
        while end < count {
            let byte = text[end]
            if byte < 0x80 {
                if CharacterClass.isDigit(byte) || byte == 0x5F {
                    end &+= 1
                } else if ((byte | 0x20) &- 0x61) < 26 {
                    hasLetter = true
                    end &+= 1
                } else {
                    break
                }
                continue
            }
            let (scalar, length) = UTF8Writer.read(text + end)
            guard CharacterClass.isWordScalar(scalar) else { break }
            hasLetter = true
            ascii = false
            end &+= length
        }
        guard hasLetter else { return nil }
        if !ascii && rules.fastPaths && rules.config.splitHashtags {
            if !rules.hasStopTokens && rules.config.maxRepeat != 1 && scanShortRussianHashtag(from: start &+ 1, to: end) {
                return end
            }
            if scanRussianHashtag(from: start &+ 1, to: end) { return end }
        }
        if ascii && end &- start <= 17 && rules.fastPaths && rules.config.splitHashtags && !rules.hasStopTokens
            && rules.config.maxRepeat != 1 && scanShortASCIIHashtag(from: start &+ 1, to: end)
        {
            return end
        }
        list.begin(maximumBytes: 2 * (end - start))
        list.append(0x23)
        if ascii {
            appendWord(from: start + 1, to: end, ascii: true, capRepeats: false)
        } else {
            // Fold confusables word by word, so `#ПутинBBC` is not mistaken for one mixed word.
            splitHashtag(from: start + 1, to: end, intoTag: true)
        }
        commit(.hashtag)
        if rules.config.splitHashtags {
            if ascii {
                splitASCIIHashtag(from: start + 1, to: end)
            } else {
                splitHashtag(from: start + 1, to: end, intoTag: false)
            }
        }
        return end
    }

    /// `scanRussianHashtag` without a branch per letter, for a body of at most 64 letters (no
    /// stop tokens, a letter cap other than 1): each letter's scalar comes from its two bytes,
    /// is checked, folded and classified with selects, the capitals are a bit mask and the
    /// split points its transitions (the rules of `splitHashtag`, as in
    /// `scanShortASCIIHashtag`), the tag is written once and its words are copied from it.
    /// The per-letter branches of `scanRussianHashtag` mispredicted about 18 times a tag.
    /// Returns false, having written nothing, for any other body and when a letter repeats
    /// three times in a row (its words would need capping).
    private mutating func scanShortRussianHashtag(from bodyStart: Int, to end: Int) -> Bool {
        let length = end &- bodyStart
        guard length > 0 && length & 1 == 0 && length <= 128 else { return false }
        let letters = length &>> 1
        let yo: UInt32 = rules.config.foldYo ? 0x435 : 0x451  // Ё and ё fold to е or to ё
        list.begin(maximumBytes: length &+ 16)
        list.append(0x23)
        let tag = list.bytes.count
        let written = list.bytes.base + tag
        var capitals: UInt64 = 0
        var bad: UInt32 = 0
        var repeats = false
        var previous: UInt32 = 0
        var beforePrevious: UInt32 = 0
        for index in 0..<letters {
            let lead = UInt32(text[bodyStart &+ index &<< 1])
            let trail = UInt32(text[bodyStart &+ index &<< 1 &+ 1])
            let scalar = (lead & 0x1F) &<< 6 | (trail & 0x3F)
            let upper = scalar &- 0x410 < 0x20  // А-Я
            let capitalYo = scalar == 0x401
            let anyYo = capitalYo || scalar == 0x451
            let letter = scalar &- 0x410 < 0x40 || anyYo
            bad |= ((lead & 0xFE) ^ 0xD0) | ((trail & 0xC0) ^ 0x80) | (letter ? 0 : 1)
            let folded = anyYo ? yo : scalar &+ (upper ? 0x20 : 0)
            capitals |= UInt64(upper || capitalYo ? 1 : 0) &<< UInt64(truncatingIfNeeded: index)
            repeats = repeats || (folded == previous && folded == beforePrevious)
            beforePrevious = previous
            previous = folded
            written[index &<< 1] = UInt8(truncatingIfNeeded: 0xC0 | folded &>> 6)
            written[index &<< 1 &+ 1] = UInt8(truncatingIfNeeded: 0x80 | folded & 0x3F)
        }
        guard bad == 0 && !repeats else {
            list.abandon()
            return false
        }
        list.bytes.count &+= length
        commit(.hashtag)
        // A word starts at a capital after a lower-case letter, and at the last capital of a
        // run of two or more before a lower-case letter.
        let afterLower = capitals & ~(capitals &<< 1) & ~1
        let lastOfRun = capitals & (capitals &<< 1) & ~(capitals &>> 1) & ((1 &<< UInt64(truncatingIfNeeded: letters &- 1)) &- 1)
        var splits = afterLower | lastOfRun
        @inline(__always) func emit(_ from: Int, _ to: Int) {
            let count = (to &- from) &<< 1
            list.begin(maximumBytes: count &+ 16)
            let source = UnsafeRawPointer(list.bytes.base + (tag &+ from &<< 1))
            let target = UnsafeMutableRawPointer(list.bytes.base + list.bytes.count)
            var copied = 0
            while copied < count {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: copied, as: UInt64.self), toByteOffset: copied, as: UInt64.self)
                copied &+= 8
            }
            list.bytes.count &+= count
            commit(.word)
        }
        var wordStart = 0
        while splits != 0 {
            let split = splits.trailingZeroBitCount
            emit(wordStart, split)
            wordStart = split
            splits &= splits &- 1
        }
        emit(wordStart, letters)
        return true
    }

    /// The fast path for a hashtag body of Russian letters only (`А`-`я`, `Ё`, `ё`), the common
    /// non-ASCII tag (`#КрымНаш`): what `splitHashtag` and `appendWord` do (a capital after a
    /// lower-case letter, or the last capital of a run before a lower-case letter, starts a
    /// word; the tag is not capped, the words are), specialised to two-byte letters of one
    /// script, so no scalar is decoded and no confusable can occur. The general path spends
    /// about 4,000 instructions on such a tag. Returns false, having written nothing, for any
    /// other body.
    private mutating func scanRussianHashtag(from bodyStart: Int, to end: Int) -> Bool {
        let length = end &- bodyStart
        guard length > 0 && length & 1 == 0 else { return false }
        var index = bodyStart
        while index < end {
            let lead = text[index]
            let trail = text[index &+ 1]
            let letter = lead == 0xD0
                ? (trail &- 0x90) < 0x30 || trail == 0x81  // А-Я, а-п, Ё
                : lead == 0xD1 && ((trail &- 0x80) < 0x10 || trail == 0x91)  // р-я, ё
            guard letter else { return false }
            index &+= 2
        }
        let yo: UInt16 = rules.config.foldYo ? 0xD0B5 : 0xD191  // Ё and ё fold to е or to ё
        // The folded letter at `at` (lead byte high) and whether it is a capital.
        @inline(__always) func letter(at: Int) -> (code: UInt16, capital: Bool) {
            let lead = text[at]
            let trail = text[at &+ 1]
            if lead == 0xD1 { return (trail == 0x91 ? yo : 0xD100 | UInt16(trail), false) }
            if trail == 0x81 { return (yo, true) }
            if trail < 0xA0 { return (0xD000 | UInt16(trail &+ 0x20), true) }  // А-П
            if trail < 0xB0 { return (0xD100 | UInt16(trail &- 0x20), true) }  // Р-Я
            return (0xD000 | UInt16(trail), false)  // а-п
        }
        list.begin(maximumBytes: length &+ 1)
        list.append(0x23)
        index = bodyStart
        while index < end {
            let code = letter(at: index).code
            list.append(UInt8(truncatingIfNeeded: code &>> 8))
            list.append(UInt8(truncatingIfNeeded: code))
            index &+= 2
        }
        commit(.hashtag)
        let maxRepeat = rules.config.maxRepeat
        func emitWord(from start: Int, to stop: Int) {
            list.begin(maximumBytes: stop &- start)
            var last: UInt16 = 0
            var run = 0
            var at = start
            while at < stop {
                let code = letter(at: at).code
                at &+= 2
                if code == last {
                    run &+= 1
                    if maxRepeat > 0 && run > maxRepeat { continue }
                } else {
                    last = code
                    run = 1
                }
                list.append(UInt8(truncatingIfNeeded: code &>> 8))
                list.append(UInt8(truncatingIfNeeded: code))
            }
            commit(.word)
        }
        var wordStart = bodyStart
        var previousCapital = false
        var beforePreviousCapital = false
        index = bodyStart
        while index < end {
            let capital = letter(at: index).capital
            if index > bodyStart {
                var boundary = -1
                if capital && !previousCapital {
                    boundary = index
                } else if !capital && previousCapital && beforePreviousCapital {
                    boundary = index &- 2
                }
                if boundary > wordStart {
                    emitWord(from: wordStart, to: boundary)
                    wordStart = boundary
                }
            }
            beforePreviousCapital = previousCapital
            previousCapital = capital
            index &+= 2
        }
        emitWord(from: wordStart, to: end)
        return true
    }

    /// The fast path for an ASCII hashtag body of 1 to 16 bytes with its words split: the
    /// classes of all bytes (lower, upper, digit, underscore) as bit masks over two 8-byte
    /// words, the tag lower-cased word-wide, the split points as mask transitions (the rules of
    /// `splitHashtag`), and each word copied from the lower-cased tag. Returns false, having
    /// written nothing, when a letter repeats three times in a row (capping needs the general
    /// path). Needs no stop tokens, since a dropped tag would leave nothing to copy from.
    private mutating func scanShortASCIIHashtag(from bodyStart: Int, to end: Int) -> Bool {
        let high = ByteMask.high
        let length = end &- bodyStart
        let words = (
            UInt64(littleEndian: UnsafeRawPointer(text + bodyStart).loadUnaligned(as: UInt64.self)),
            UInt64(littleEndian: UnsafeRawPointer(text + (bodyStart &+ 8)).loadUnaligned(as: UInt64.self))
        )
        // High bits of the body's bytes in each word.
        let inBody = (
            length >= 8 ? high : ((1 &<< UInt64(truncatingIfNeeded: 8 &* length)) &- 1) & high,
            length >= 16 ? high : length <= 8 ? 0 : ((1 &<< UInt64(truncatingIfNeeded: 8 &* (length &- 8))) &- 1) & high
        )
        let upper = (ByteMask.inRange(words.0, 0x41, 0x5A) & inBody.0, ByteMask.inRange(words.1, 0x41, 0x5A) & inBody.1)
        let lower = (ByteMask.inRange(words.0, 0x61, 0x7A) & inBody.0, ByteMask.inRange(words.1, 0x61, 0x7A) & inBody.1)
        let digit = (ByteMask.inRange(words.0, 0x30, 0x39) & inBody.0, ByteMask.inRange(words.1, 0x30, 0x39) & inBody.1)
        let underscore = (ByteMask.equal(words.0, 0x5F) & inBody.0, ByteMask.equal(words.1, 0x5F) & inBody.1)
        let lowered = (words.0 | (upper.0 &>> 2), words.1 | (upper.1 &>> 2))
        // The same masks one and two bytes later: bit of byte i set when byte i-1 (i-2) is in the class.
        @inline(__always) func previous(_ mask: (UInt64, UInt64), _ bytes: UInt64) -> (UInt64, UInt64) {
            (mask.0 &<< (8 &* bytes), (mask.1 &<< (8 &* bytes)) | (mask.0 &>> (64 &- 8 &* bytes)))
        }
        if rules.config.maxRepeat != 0 {
            let letters = (upper.0 | lower.0, upper.1 | lower.1)
            let last = previous(lowered, 1)
            let beforeLast = previous(lowered, 2)
            let firstTriples = ByteMask.zero(lowered.0 ^ last.0) & ByteMask.zero(lowered.0 ^ beforeLast.0) & letters.0
            let secondTriples = ByteMask.zero(lowered.1 ^ last.1) & ByteMask.zero(lowered.1 ^ beforeLast.1) & letters.1
            if (firstTriples | secondTriples) != 0 { return false }
        }
        // The tag: `#` and the lower-cased body, read back below for each word.
        list.begin(maximumBytes: 8 &* length &+ 48)
        let tag = list.bytes.count &+ 1
        list.append(0x23)
        UnsafeMutableRawPointer(list.bytes.base + tag).storeBytes(of: lowered.0.littleEndian, as: UInt64.self)
        UnsafeMutableRawPointer(list.bytes.base + (tag &+ 8)).storeBytes(of: lowered.1.littleEndian, as: UInt64.self)
        list.bytes.count &+= length
        commit(.hashtag)
        // Split points (the byte a new word starts at), as in `splitHashtag`: at and after an
        // underscore, where digits start or stop, at a capital after a lower-case letter, and
        // before the last capital of a run followed by a lower-case letter.
        let previousUnderscore = previous(underscore, 1)
        let previousDigit = previous(digit, 1)
        let previousUpper = previous(upper, 1)
        let previousLower = previous(lower, 1)
        let upperBeforeLast = previous(upper, 2)
        let runEnds = (lower.0 & previousUpper.0 & upperBeforeLast.0, lower.1 & previousUpper.1 & upperBeforeLast.1)
        var first: UInt64 = underscore.0 | previousUnderscore.0 | (digit.0 ^ previousDigit.0)
        first |= upper.0 & previousLower.0
        first |= (runEnds.0 &>> 8) | (runEnds.1 &<< 56)
        var second: UInt64 = underscore.1 | previousUnderscore.1 | (digit.1 ^ previousDigit.1)
        second |= upper.1 & previousLower.1
        second |= runEnds.1 &>> 8
        let splits = (first & inBody.0, second & inBody.1)
        var partStart = 0
        @inline(__always) func emit(_ from: Int, _ to: Int) {
            if (digit.0 | digit.1) != 0, CharacterClass.isDigit(text[bodyStart &+ from]) {
                appendNumber(from: bodyStart &+ from, to: bodyStart &+ to)
                return
            }
            list.begin(maximumBytes: to &- from &+ 16)
            let source = UnsafeRawPointer(list.bytes.base + (tag &+ from))
            let target = UnsafeMutableRawPointer(list.bytes.base + list.bytes.count)
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: 8, as: UInt64.self), toByteOffset: 8, as: UInt64.self)
            list.bytes.count &+= to &- from
            commit(.word)
        }
        for half in 0..<2 {
            var bits = half == 0 ? splits.0 : splits.1
            let isUnderscore = half == 0 ? underscore.0 : underscore.1
            while bits != 0 {
                let lane = bits.trailingZeroBitCount &>> 3
                let split = half &* 8 &+ lane
                if split > partStart {
                    emit(partStart, split)
                    partStart = split
                }
                if isUnderscore & (0x80 &<< UInt64(truncatingIfNeeded: 8 &* lane)) != 0 { partStart = split &+ 1 }
                bits &= bits &- 1
            }
        }
        if length > partStart { emit(partStart, length) }
        return true
    }

    /// `splitHashtag` for an ASCII body, on bytes: the same boundaries, each part lower-cased
    /// and capped as it is copied.
    private mutating func splitASCIIHashtag(from start: Int, to end: Int) {
        // Byte classes: 0 lower, 1 upper, 2 digit, 3 underscore.
        @inline(__always) func byteClass(_ byte: UInt8) -> UInt8 {
            if (byte &- 0x61) < 26 { return 0 }
            if (byte &- 0x41) < 26 { return 1 }
            return byte == 0x5F ? 3 : 2
        }
        var partStart = start
        var previousClass: UInt8 = 3
        var beforePreviousClass: UInt8 = 3
        for index in start..<end {
            let current = byteClass(text[index])
            var boundary = -1
            if current == 3 || previousClass == 3 || (current == 2) != (previousClass == 2)
                || (current == 1 && previousClass == 0)
            {
                boundary = index
            } else if current == 0 && previousClass == 1 && beforePreviousClass == 1 {
                boundary = index - 1
            }
            if boundary > partStart {
                emitASCIIHashtagPart(from: partStart, to: boundary)
                partStart = boundary
            }
            if current == 3 { partStart = index + 1 }
            beforePreviousClass = previousClass
            previousClass = current
        }
        if end > partStart { emitASCIIHashtagPart(from: partStart, to: end) }
    }

    @inline(__always)
    private mutating func emitASCIIHashtagPart(from start: Int, to end: Int) {
        if CharacterClass.isDigit(text[start]) {
            appendNumber(from: start, to: end)
            return
        }
        list.begin(maximumBytes: end - start)
        appendWord(from: start, to: end, ascii: true, capRepeats: true)
        commit(.word)
    }

    /// Emits the words of a hashtag body: split at underscores, between letters and digits,
    /// before an upper-case letter that follows a lower-case one, and before the last capital
    /// of a capital run followed by a lower-case letter (`BBCNews` gives `bbc`, `news`).
    ///
    /// With `intoTag`, the words are instead appended to the pending hashtag token, folded but
    /// not capped, with the underscores between them.
    private mutating func splitHashtag(from start: Int, to end: Int, intoTag: Bool) {
        // Character classes: 0 lower (or caseless), 1 upper, 2 digit, 3 underscore.
        var partStart = start
        var index = start
        var previousClass: UInt8 = 3
        var previousStart = start
        var beforePreviousClass: UInt8 = 3
        while index < end {
            let (scalar, length) = UTF8Writer.read(text + index)
            let current: UInt8
            if scalar == 0x5F {
                current = 3
            } else if scalar < 0x80 && CharacterClass.isDigit(UInt8(scalar)) {
                current = 2
            } else if CharacterClass.fold(scalar, foldYo: false) != scalar {
                current = 1
            } else {
                current = 0
            }
            var boundary = -1
            if current == 3 || previousClass == 3 {
                boundary = index
            } else if (current == 2) != (previousClass == 2) {
                boundary = index
            } else if current == 1 && previousClass == 0 {
                boundary = index
            } else if current == 0 && previousClass == 1 && beforePreviousClass == 1 {
                boundary = previousStart
            }
            if boundary > partStart {
                emitHashtagPart(from: partStart, to: boundary, intoTag: intoTag)
                partStart = boundary
            }
            if current == 3 {
                partStart = index + length
                if intoTag { list.append(0x5F) }
            }
            beforePreviousClass = previousClass
            previousClass = current
            previousStart = index
            index &+= length
        }
        if end > partStart { emitHashtagPart(from: partStart, to: end, intoTag: intoTag) }
    }

    private mutating func emitHashtagPart(from start: Int, to end: Int, intoTag: Bool) {
        var allDigits = true
        var ascii = true
        for index in start..<end {
            let byte = text[index]
            if byte >= 0x80 { ascii = false }
            if !CharacterClass.isDigit(byte) { allDigits = false }
        }
        if intoTag {
            appendWord(from: start, to: end, ascii: ascii, capRepeats: false)
            return
        }
        if allDigits {
            appendNumber(from: start, to: end)
        } else {
            list.begin(maximumBytes: 2 * (end - start))
            appendWord(from: start, to: end, ascii: ascii, capRepeats: true)
            commit(.word)
        }
    }

    /// Writes the folded form of `text[start..<end]` to the pending token (room for twice its
    /// length reserved by the caller): case folded, confusables folded when the word mixes
    /// scripts, `’` as `'`, repeated letters (not digits) capped.
    private mutating func appendWord(
        from start: Int, to end: Int, ascii: Bool, capRepeats: Bool, scripts known: ScriptCounts? = nil
    ) {
        let maxRepeat = capRepeats ? rules.config.maxRepeat : 0
        if ascii {
            var last: UInt8 = 0
            var run = 0
            for index in start..<end {
                var byte = text[index]
                byte &+= ((byte &- 0x41) < 26) ? 0x20 : 0
                if byte == last {
                    run &+= 1
                    if maxRepeat > 0 && run > maxRepeat && !CharacterClass.isDigit(byte) { continue }
                } else {
                    last = byte
                    run = 1
                }
                list.append(byte)
            }
            return
        }
        // Which scripts the letters use, to fold look-alikes of the minority script.
        var scripts = ScriptCounts()
        if let known {
            scripts = known
        } else if rules.config.foldConfusables {
            var index = start
            while index < end {
                let (scalar, length) = UTF8Writer.read(text + index)
                scripts.add(scalar)
                index &+= length
            }
        }
        let mixed = rules.config.foldConfusables && scripts.isMixed
        let towardsCyrillic = scripts.cyrillic > scripts.latin && scripts.greek == 0
        let foldYo = rules.config.foldYo
        var last: UInt32 = 0
        var run = 0
        var index = start
        while index < end {
            var (scalar, length) = UTF8Writer.read(text + index)
            index &+= length
            if mixed {
                let script = CharacterClass.script(scalar)
                if towardsCyrillic {
                    if script == .latin, let lookAlike = CharacterClass.cyrillicLookAlike(scalar) {
                        scalar = lookAlike
                        list.foldedConfusables = true
                    }
                } else if script == .cyrillic || script == .greek, let lookAlike = CharacterClass.latinLookAlike(scalar) {
                    scalar = lookAlike
                    list.foldedConfusables = true
                }
            }
            scalar = scalar == 0x2019 ? 0x27 : CharacterClass.fold(scalar, foldYo: foldYo)
            if scalar == last {
                run &+= 1
                if maxRepeat > 0 && run > maxRepeat && (scalar &- 0x30) >= 10 { continue }
            } else {
                last = scalar
                run = 1
            }
            list.appendScalar(scalar)
        }
    }

    // MARK: Committing

    /// Finishes the pending token, applying stop tokens and target masking.
    @inline(__always)
    private mutating func commit(_ kind: TokenKind) {
        if rules.hasStopTokens && list.bytes.count > list.pending && rules.isStopToken(list.pendingBytes) {
            list.abandon()
            return
        }
        list.commit(kind)
        if kind == .word && rules.hasTargets { maskTargets() }
    }

    /// Replaces a target name that ends at the last token by one `<target>` token.
    private mutating func maskTargets() {
        let tokenCount = list.count
        for target in rules.targets where target.count <= tokenCount {
            var matches = true
            for (offset, word) in target.enumerated() {
                let position = tokenCount - target.count + offset
                guard list.kinds.base[position] == TokenKind.word.rawValue,
                    word.elementsEqual(list.token(position))
                else {
                    matches = false
                    break
                }
            }
            guard matches else { continue }
            list.removeLast(target.count)
            list.begin(maximumBytes: 8)
            for byte in "<target>".utf8 { list.append(byte) }
            list.commit(.target)
            list.maskedTargets &+= 1
            return
        }
    }
}

/// How many letters of a word belong to each script that confusable folding cares about.
struct ScriptCounts {
    var latin = 0
    var cyrillic = 0
    var greek = 0

    @inline(__always)
    mutating func add(_ scalar: UInt32) {
        if (scalar &- 0x0400) < 0x130 {
            cyrillic &+= 1
            return
        }
        switch CharacterClass.script(scalar) {
        case .latin: latin &+= 1
        case .cyrillic: cyrillic &+= 1
        case .greek: greek &+= 1
        case .other: break
        }
    }

    /// True when letters of two or more of the scripts meet in one word.
    var isMixed: Bool { (latin > 0 ? 1 : 0) + (cyrillic > 0 ? 1 : 0) + (greek > 0 ? 1 : 0) >= 2 }
}
