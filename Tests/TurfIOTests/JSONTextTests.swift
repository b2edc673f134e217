import Testing
import TurfIO

/// `JSONText.appendString`: the word-at-a-time scan for escape-free values must hand every
/// special byte, wherever it falls in an eight-byte word, to the escaping loop.
@Suite struct JSONTextTests {
    private func encoded(_ value: String) -> String {
        var out: [UInt8] = []
        JSONText.appendString(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func valuesWithoutEscapesAreCopiedWhole() {
        #expect(encoded("") == #""""#)
        #expect(encoded("831606548300517376") == #""831606548300517376""#)
        #expect(encoded("Путин и выборы 😀 ЖКХ") == #""Путин и выборы 😀 ЖКХ""#)
    }

    @Test func specialBytesAreEscapedAtEveryPositionOfAWord() {
        for position in 0..<20 {
            let prefix = String(repeating: "a", count: position)
            #expect(encoded(prefix + "\"x") == "\"" + prefix + #"\"x""#)
            #expect(encoded(prefix + "\\") == "\"" + prefix + #"\\""#)
            #expect(encoded(prefix + "\n") == "\"" + prefix + #"\n""#)
            #expect(encoded(prefix + "\u{1}") == "\"" + prefix + #"\u0001""#)
        }
    }

    @Test func multiByteTextBeforeAnEscapeStaysIntact() {
        #expect(encoded("ЖКХ \"цитата\"\tконец") == #""ЖКХ \"цитата\"\tконец""#)
        #expect(encoded("\u{7F}\u{1F}") == "\"\u{7F}\\u001f\"")
    }
}
