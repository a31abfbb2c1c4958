import Testing
import TriageEngine
import TriageModel

/// The REPL shows each parser's headline facts under their labels: every one must be a fact the
/// parser gives, with words to call it.
struct ParserHeadlineTests {
    @Test(arguments: ParserCatalog.standard.signatures)
    func headlineFactsAreFactsTheParserGives(signature: ParserSignature) {
        #expect(!signature.headline.isEmpty, "\(signature.name) has a headline")
        for headline in signature.headline {
            #expect(signature.facts.contains(headline.fact), "\(signature.name): \(headline.fact)")
            #expect(!headline.label.isEmpty && !headline.label.contains("_"), "\(signature.name): \(headline.label)")
        }
    }
}
