import Testing
@testable import TriageTerminal

@Suite("Completion logic")
struct CompletionTests {
    @Test func commonPrefix() {
        #expect(Completion.commonPrefix(of: []) == "")
        #expect(Completion.commonPrefix(of: ["describe"]) == "describe")
        #expect(Completion.commonPrefix(of: ["help", "hello", "helm"]) == "hel")
        #expect(Completion.commonPrefix(of: ["pods", "nodes"]) == "")
        #expect(Completion.commonPrefix(of: ["café", "cafe"]) == "caf")
    }

    @Test func theWordIsWhatFollowsTheLastSpace() {
        #expect(CompletionRequest(lineBeforeCursor: "he").word == "he")
        #expect(CompletionRequest(lineBeforeCursor: "run pod-cr").word == "pod-cr")
        #expect(CompletionRequest(lineBeforeCursor: "run ").word == "")
        #expect(CompletionRequest(lineBeforeCursor: "").word == "")
    }

    @Test func oneMatchCompletesTheWordAndAddsASpace() {
        #expect(Completion.resolve(word: "he", candidates: ["help", "quit"]) == .unique(insert: "lp "))
        #expect(Completion.resolve(word: "quit", candidates: ["help", "quit"]) == .unique(insert: " "))
    }

    @Test func severalMatchesInsertTheirCommonPrefixAndAreListed() {
        #expect(
            Completion.resolve(word: "h", candidates: ["help", "hello", "quit", "help"])
                == .ambiguous(insert: "el", choices: ["help", "hello"]))
        #expect(
            Completion.resolve(word: "", candidates: ["yes", "no"])
                == .ambiguous(insert: "", choices: ["yes", "no"]))
    }

    @Test func noMatch() {
        #expect(Completion.resolve(word: "x", candidates: ["help"]) == .noMatch)
        #expect(Completion.resolve(word: "", candidates: []) == .noMatch)
    }

    @Test func listingFitsTheWidthInColumns() {
        #expect(Completion.columns(["help", "hello", "history"], width: 80) == "help     hello    history\n")
        #expect(Completion.columns(["help", "hello", "history"], width: 20) == "help     hello\nhistory\n")
        #expect(Completion.columns(["a-very-long-choice"], width: 5) == "a-very-long-choice\n")
        #expect(Completion.columns([], width: 80) == "")
    }

    @Test func promptColourIsMarkedInvisibleForLibedit() {
        let styled = Styler(enabled: true).apply(.prompt, to: "triage> ")
        #expect(EditLineReader.markInvisibleSequences(in: styled) == "\u{1}\u{1B}[1;36m\u{1}triage> \u{1}\u{1B}[0m\u{1}")
        #expect(EditLineReader.markInvisibleSequences(in: "plain> ") == "plain> ")
    }
}
