import Testing
@testable import TurfRules

@Suite struct LiteralExtractorTests {
    private func literals(_ pattern: String, _ flags: String = "") throws -> [String]? {
        try LiteralExtractor.requiredLiterals(pattern: pattern, flags: PatternFlags(flags))?
            .map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func takesTheLongestRequiredRun() throws {
        #expect(try literals(#"\bkiev\s+junta\b"#) == ["junta"])
        #expect(try literals(#"Don't vote Nuttall"#) == ["don't vote nuttall"])
        #expect(try literals(#"colou?r scheme"#) == ["r scheme"])
    }

    @Test func foldsCaseOfASCIIAndCyrillic() throws {
        #expect(try literals("#КрымНаш", "i") == ["#крымнаш"])
        #expect(try literals("ЁЛКИ") == ["ёлки"])
    }

    @Test func alternationGivesOneLiteralABranch() throws {
        #expect(try literals(#"(?:kiev|kyiv)\s+junta"#) == ["junta"])
        #expect(try literals(#"\b(?:укропы|укропов|укропам)\b"#) == ["укропы", "укропов", "укропам"])
        #expect(try literals(#"junta|хунта"#) == ["junta", "хунта"])
    }

    @Test func optionalPartsAreNotRequired() throws {
        #expect(try literals(#"(?:nazi )?regime"#) == ["regime"])
        #expect(try literals(#"fascists?"#) == ["fascist"])
        #expect(try literals(#"ab(?:cdef)*"#) == nil)
        #expect(try literals(#"x{2,}yz"#) == ["xyz"])
    }

    @Test func givesUpOnWhatItCannotProve() throws {
        #expect(try literals(#"(\w+) \1 again"#) == nil)
        #expect(try literals(#"\Qa.b\E"#) == nil)
        #expect(try literals(#"(?(1)yes|no)"#) == nil)
        #expect(try literals(#"junta|\w+"#) == nil)
        #expect(try literals(#"\d+"#) == nil)
        #expect(try literals("ab") == nil)
    }

    @Test func caselessLiteralsStopAtLettersTheFoldDoesNotCover() throws {
        #expect(try literals("café crème", "i") == ["caf"])
        #expect(try literals("café crème") == ["café crème"])
        #expect(try literals("(?i)CAFÉ") == ["caf"])
    }

    @Test func extendedModeIgnoresSpaceAndComments() throws {
        #expect(try literals("don't \\s+ vote  # the slogan\n \\s+ nuttall", "x") == ["nuttall"])
    }

    @Test func skipsClassesAndLookarounds() throws {
        #expect(try literals(#"[a-z\]]+ junta(?=!)"#) == [" junta"])
        #expect(try literals(#"(?<!not )debunked"#) == ["debunked"])
    }
}

@Suite struct PrefilterLiteralTests {
    @Test func literalsContainingAnotherAreDropped() {
        let literals = [Array("пропаганда".utf8), Array("пропаганд".utf8), Array("stop".utf8), Array("stopfake".utf8), Array("stop".utf8)]
        #expect(Rule.withoutRedundant(literals) == [Array("пропаганд".utf8), Array("stop".utf8)])
    }

    @Test func keywordsAreFoldedAndReplaceThePatternsLiterals() throws {
        let rule = try Rule(id: "k", stance: "s", pattern: "junta", effect: .assert, keywords: ["ХУНТА", "Junta", ""])
        #expect(rule.prefilterLiterals == [Array("хунта".utf8), Array("junta".utf8)])
    }
}
