import Foundation
import Testing
import TriageModel
@testable import TriageRunbooks

/// Snippets (`snippets:` and `{use: NAME}`), paragraphs, and the bounds on what a file may make
/// the loader do: no anchors or aliases, a value budget, finite numbers in range.
struct SnippetAndBoundsTests {
    static let parsers = [ParserSignature(name: "pull-failure", summary: "", facts: ["cause", "image", "family"])]

    func load(_ yaml: String) -> Result<Runbook, RunbookLoadError> {
        RunbookDecoder.load(yaml, file: "book.yaml", validator: RunbookValidator(parsers: Self.parsers))
    }

    func problems(_ yaml: String) -> [String] {
        guard case .failure(let error) = load(yaml) else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func scenarioProblems(_ yaml: String) -> [String] {
        guard case .failure(let error) = ScenarioDecoder.decode(yaml, file: "scenario.yaml") else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    static let withSnippets = """
        id: demo
        title: Demo
        inputs:
          pod: {format: dns-1123-subdomain}
        snippets:
          retry:
            - text: Retry now
              run: [kubectl, delete, pod, "{{pod}}"]
              mutates: true
          watch:
            text: Watch the pod
            run: [kubectl, get, pod, "{{pod}}"]
          steps:
            - First do this.
            - {use: retry}
          why: The registry wants credentials.
        start: first
        nodes:
          first:
            title: Describe
            explain:
              - "Read the events."
              - {use: why}
            run: [kubectl, describe, pod, "{{pod}}"]
            parser: pull-failure
            next: done
          done:
            title: Done
            diagnosis:
              cause: auth
              summary: "{{image}} needs credentials"
              explain: [{use: why}, "Then {{image}} pulls."]
              fix:
                - {use: steps}
                - Last, check.
              verify: {use: watch}
        """

    @Test func snippetsStandForValuesAndListSnippetsAreSplicedIntoLists() throws {
        let runbook = try load(Self.withSnippets).get()
        let diagnosis = try #require(runbook.node("done")?.diagnosis)
        #expect(diagnosis.fix.map(\.text.source) == ["First do this.", "Retry now", "Last, check."])
        #expect(diagnosis.fix[1].command?.arguments.map(\.source) == ["kubectl", "delete", "pod", "{{pod}}"])
        #expect(diagnosis.fix[1].command?.mutates == true)
        #expect(diagnosis.verify?.text.source == "Watch the pod")
        #expect(diagnosis.explanation.source == "The registry wants credentials.\n\nThen {{image}} pulls.\n")
        #expect(runbook.node("first")?.explanation == "Read the events.\n\nThe registry wants credentials.\n")
    }

    /// A step's `text:` may be a list of pieces joined with a space, so that a sentence said once
    /// in a snippet is finished differently by each step; a piece that is not text is refused.
    @Test func aStepsTextMayBePiecesJoinedWithASpace() throws {
        let pieces = Self.withSnippets.replacingOccurrences(
            of: "        - Last, check.\n",
            with: """
                        - when: {fact: cause, equals: auth}
                          text: [{use: why}, "Ask for them; {{image}} pulls then.\\n"]
                        - text:
                            - {use: why}
                            - Or check the name.

                """)
        let runbook = try load(pieces).get()
        let fix = try #require(runbook.node("done")?.diagnosis?.fix)
        #expect(
            fix.map(\.text.source).suffix(2) == [
                "The registry wants credentials. Ask for them; {{image}} pulls then.", "The registry wants credentials. Or check the name.",
            ])
        #expect(fix.map(\.text.placeholders).suffix(2) == [["image"], []])
        let empty = Self.withSnippets.replacingOccurrences(of: "        - Last, check.\n", with: "        - text: []\n")
        #expect(problems(empty) == ["35:17: 'text' of fix step 3 of node 'done' is an empty list; give text, or a list of pieces joined with a space"])
        let mapping = Self.withSnippets.replacingOccurrences(of: "        - Last, check.\n", with: "        - text: [Check, {a: b}]\n")
        #expect(problems(mapping).first?.contains("each piece of 'text' of fix step 3 of node 'done'") == true)
    }

    @Test func anUnknownSnippetIsReportedAtTheUseWithTheNearestName() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: wacth}")
        #expect(problems(yaml) == ["36:21: no snippet is called 'wacth'; snippets: retry, watch, steps, why; did you mean 'watch'?"])
    }

    @Test func aCycleIsReportedAtTheUseThatClosesIt() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "    - {use: retry}", with: "    - {use: retry}\n    - {use: steps}")
        #expect(problems(yaml) == ["16:13: snippet 'steps' uses itself: steps → steps; a snippet cannot contain itself"])
        let indirect = Self.withSnippets
            .replacingOccurrences(of: "  why: The registry wants credentials.", with: "  why: {use: again}\n  again: {use: why}")
        #expect(problems(indirect).first == "17:16: snippet 'why' uses itself: why → again → why; a snippet cannot contain itself")
    }

    @Test func aProblemInsideASnippetIsReportedOnceAtItsLineSayingWhereItWasUsed() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "    text: Watch the pod", with: "    txet: Watch the pod")
        let found = problems(yaml)
        #expect(found.count == 2)
        #expect(found[0].hasPrefix("11:5: unknown key 'txet' in 'verify' of node 'done'"))
        #expect(found[0].hasSuffix("(in snippet 'watch', used at 36:15)"))
        #expect(found[1] == "11:5: 'verify' of node 'done' is missing 'text' (in snippet 'watch', used at 36:15)")

        let twice = Self.withSnippets
            .replacingOccurrences(of: "      mutates: true", with: "      mutates: maybe")
            .replacingOccurrences(of: "        - Last, check.", with: "        - {use: retry}")
        #expect(
            problems(twice) == [
                "9:16: 'mutates' of fix step 2 of node 'done' must be true or false (in snippet 'retry', used at 15:7, 35:11)",
                "9:16: 'mutates' of fix step 3 of node 'done' must be true or false (in snippet 'retry', used at 15:7, 35:11)",
            ])
    }

    @Test func aValidatorProblemInsideASnippetSaysWhereItWasUsed() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "    run: [kubectl, get, pod, \"{{pod}}\"]", with: "    run: [kubectl, get, pod, \"{{podd}}\"]")
        #expect(problems(yaml).first?.hasSuffix("(in snippet 'watch', used at 36:15)") == true)
        #expect(problems(yaml).first?.contains("placeholder '{{podd}}'") == true)
    }

    @Test func aSnippetNobodyUsesIsReported() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "  why: The registry", with: "  spare: unused\n  why: The registry")
        #expect(problems(yaml) == ["16:3: snippet 'spare' is never used; remove it or use it with {use: spare}"])
    }

    @Test func keysBesideAUseAreAddedToTheSnippetsMapping() throws {
        let yaml = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: watch, until: {fact: image, present: true}}")
        let verify = try #require(try load(yaml).get().node("done")?.diagnosis?.verify)
        #expect(verify.text.source == "Watch the pod")
        #expect(verify.command?.arguments.map(\.source) == ["kubectl", "get", "pod", "{{pod}}"])
        #expect(verify.watch?.until == .present(fact: "image", true))
    }

    @Test func keysBesideAUseReplaceTheSnippetsOwn() throws {
        let yaml = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: watch, text: Watch it run}")
        let verify = try #require(try load(yaml).get().node("done")?.diagnosis?.verify)
        #expect(verify.text.source == "Watch it run")
        #expect(verify.command?.arguments.map(\.source) == ["kubectl", "get", "pod", "{{pod}}"])

        let item = Self.withSnippets.replacingOccurrences(of: "        - Last, check.", with: "        - {use: retry-step, text: Retry once more}")
            .replacingOccurrences(
                of: "  why: The registry", with: "  retry-step: {text: Retry now, run: [kubectl, delete, pod, \"{{pod}}\"], mutates: true}\n  why: The registry"
            )
        let fix = try #require(try load(item).get().node("done")?.diagnosis?.fix)
        #expect(fix.map(\.text.source) == ["First do this.", "Retry now", "Retry once more"])
        #expect(fix[2].command?.mutates == true)
    }

    @Test func aMergedSnippetMayItselfMergeAnother() throws {
        let yaml = Self.withSnippets
            .replacingOccurrences(of: "  why: The registry", with: "  ending: {use: watch, until: {fact: image, present: true}, every: 2}\n  why: The registry")
            .replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: ending, every: 3, for: 30}")
        let verify = try #require(try load(yaml).get().node("done")?.diagnosis?.verify)
        #expect(verify.text.source == "Watch the pod")
        #expect(verify.watch?.until == .present(fact: "image", true))
        #expect(verify.watch?.every == 3)
        #expect(verify.watch?.within == 30)
    }

    @Test func keysBesideAUseOfASnippetThatIsNotAMappingAreAnError() {
        let list = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: steps, text: more}")
        #expect(
            problems(list) == [
                "36:21: snippet 'steps' is a list, so {use: steps} cannot take other keys; only a mapping snippet can have keys added or replaced"
            ])
        let text = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: why, text: more}")
        #expect(
            problems(text) == [
                "36:21: snippet 'why' is a single value, so {use: why} cannot take other keys; only a mapping snippet can have keys added or replaced"
            ])
        let unknown = Self.withSnippets.replacingOccurrences(of: "verify: {use: watch}", with: "verify: {use: wacth, text: more}")
        #expect(problems(unknown).first?.hasPrefix("36:21: no snippet is called 'wacth'") == true)
        let cycle = Self.withSnippets.replacingOccurrences(
            of: "  why: The registry wants credentials.", with: "  why: {use: again, text: a}\n  again: {use: why, text: b}")
        #expect(problems(cycle).first == "17:16: snippet 'why' uses itself: why → again → why; a snippet cannot contain itself")
    }

    @Test func snippetsThatMultiplyPastTheBudgetAreRefused() {
        var levels = ""
        for level in 0..<8 {
            let uses = Array(repeating: "{use: s\(level + 1)}", count: 10).joined(separator: ", ")
            levels += "  s\(level): [\(uses)]\n"
        }
        levels += "  s8: [x]\n"
        let yaml = Self.withSnippets.replacingOccurrences(
            of: "          why: The registry wants credentials.\n".dropFirst(8), with: "  why: The registry wants credentials.\n" + levels
        )
        .replacingOccurrences(of: "        - Last, check.", with: "        - {use: s0}")
        let found = problems(yaml)
        #expect(found.count == 1)
        #expect(found.first?.contains("the runbook's snippets expand to more than \(YAMLReader.valueBudget) values") == true)
    }

    @Test func anAliasBombIsRefusedBeforeItIsExpanded() {
        var yaml = "id: demo\ntitle: Demo\nsnippets:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<30 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "  a\(level): &a\(level) [\(aliases)]\n"
        }
        yaml += "start: first\nnodes:\n  first:\n    title: T\n    diagnosis: {cause: x, summary: y, fix: [], explain: *a29}\n"
        #expect(
            problems(yaml) == [
                "4:7: YAML anchor '&a0' is not allowed: anchors and aliases can multiply a small file into a huge one; define the value once under 'snippets:' and write {use: NAME} where it goes"
            ])
        #expect(scenarioProblems("id: s\nexpect: &e {ending: done}\nagain: *e\n").first?.hasPrefix("2:9: YAML anchor '&e' is not allowed") == true)
        #expect(scenarioProblems("id: s\nexpect: *e\n").first?.hasPrefix("2:9: YAML alias '*e' is not allowed") == true)
    }

    @Test func aKeyWrittenTwiceIsReportedWhereItIsFirstWritten() {
        let yaml = Self.withSnippets.replacingOccurrences(of: "    title: Describe\n", with: "    title: Describe\n    title: Describe again\n")
        #expect(problems(yaml) == ["20:5: 'title' is written twice in one mapping, first here; keep one"])
        #expect(scenarioProblems("id: s\nid: t\n") == ["1:1: 'id' is written twice in one mapping, first here; keep one"])
    }

    @Test func aSecondDocumentOrASyntaxErrorIsReportedWhereItStarts() {
        #expect(scenarioProblems("id: s\n---\nid: t\n") == ["2:1: invalid YAML: expected a single document in the stream but found another document"])
        #expect(scenarioProblems("id: s\ntitle: [a, b\n") == ["3:1: invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"])
        #expect(scenarioProblems("# nothing\n") == ["1:1: the file is empty"])
    }

    @Test func anAmpersandOrAsteriskInsideTextIsNotAnAnchor() throws {
        let yaml = Self.withSnippets.replacingOccurrences(of: "Read the events.", with: "Read *all* the events & more")
        #expect(try load(yaml).get().node("first")?.explanation.hasPrefix("Read *all* the events & more") == true)
    }

    @Test func timeoutsAndPollingMustBeFiniteAndInRange() {
        func with(_ key: String) -> String {
            Self.withSnippets.replacingOccurrences(of: "    title: Describe\n", with: "    title: Describe\n    \(key)\n")
        }
        #expect(problems(with("timeout: .nan")) == ["21:14: 'timeout' of node 'first' is '.nan'; expected a number of seconds from 0.001 to 86400"])
        #expect(problems(with("timeout: .inf")) == ["21:14: 'timeout' of node 'first' is '.inf'; expected a number of seconds from 0.001 to 86400"])
        #expect(problems(with("timeout: 1e300")) == ["21:14: 'timeout' of node 'first' is '1e300'; expected a number of seconds from 0.001 to 86400"])
        #expect(problems(with("timeout: 0")) == ["21:14: 'timeout' of node 'first' is '0'; expected a number of seconds from 0.001 to 86400"])
        #expect(problems(with("timeout: soon")) == ["21:14: 'timeout' of node 'first' must be a number of seconds"])
        #expect(problems(with("timeout: 2.5")) == [])

        let watch = Self.withSnippets.replacingOccurrences(
            of: "    run: [kubectl, get, pod, \"{{pod}}\"]\n",
            with: "    run: [kubectl, get, pod, \"{{pod}}\"]\n    until: {fact: image, present: true}\n    every: .NaN\n    for: -.inf\n")
        #expect(
            problems(watch) == [
                "14:12: 'every' of 'verify' of node 'done' is '.NaN'; expected a number of seconds from 0.1 to 3600 (in snippet 'watch', used at 39:15)",
                "15:10: 'for' of 'verify' of node 'done' is '-.inf'; expected a number of seconds from 0.1 to 86400 (in snippet 'watch', used at 39:15)",
            ])
    }

    @Test func aScenarioDurationMustBeFinite() {
        let yaml = "id: s\nrunbook: demo\ntitle: T\ndifficulty: beginner\ncommands:\n  - run: [kubectl]\n    duration: .nan\nexpect: {ending: done}\n"
        #expect(scenarioProblems(yaml) == ["7:15: 'duration' of command 1 is '.nan'; expected a number of seconds from 0 to 86400"])
    }

    @Test func aFixStepMayApplyOnlyWhenAConditionHolds() throws {
        let yaml = Self.withSnippets.replacingOccurrences(of: "        - Last, check.", with: "        - {text: Last, when: {fact: cause, equals: auth}}")
        let step = try #require(try load(yaml).get().node("done")?.diagnosis?.fix.last)
        #expect(step.when == .equals(fact: "cause", value: "auth"))
        let unknown = Self.withSnippets.replacingOccurrences(
            of: "        - Last, check.", with: "        - {text: Last, when: {fact: registry_family, equals: ecr}}")
        #expect(
            problems(unknown).first?.hasPrefix(
                "27:3: the condition 'registry_family == ecr' of a fix step in node 'done' reads fact 'registry_family', which no input") == true)
        let onVerify = Self.withSnippets.replacingOccurrences(
            of: "    text: Watch the pod\n", with: "    text: Watch the pod\n    when: {fact: cause, equals: auth}\n")
        #expect(problems(onVerify) == ["12:11: 'when' applies to fix steps; a verification always applies (in snippet 'watch', used at 37:15)"])
    }
}

/// Patterns are compiled when the runbook loads; one that does not compile, or that can take
/// exponential time, is refused where it is written.
struct PatternLoadingTests {
    func problems(_ yaml: String) -> [String] {
        let validator = RunbookValidator(parsers: SnippetAndBoundsTests.parsers)
        guard case .failure(let error) = RunbookDecoder.load(yaml, file: "book.yaml", validator: validator) else { return [] }
        return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    func book(fact: String, condition: String) -> String {
        """
        id: demo
        title: Demo
        start: first
        nodes:
          first:
            title: Read
            run: [kubectl, get, pods]
            facts:
              reason: '\(fact)'
            branches:
              - {when: {fact: reason, matches: '\(condition)'}, goto: done}
              - otherwise: done
          done:
            title: Done
            diagnosis: {cause: x, summary: y, fix: []}
        """
    }

    @Test func patternsAreCompiledAtLoad() throws {
        let runbook = try RunbookDecoder.decode(book(fact: "reason: (\\w+)", condition: "^Err"), file: "book.yaml").get()
        let extraction = try #require(runbook.node("first")?.extractions.first)
        #expect(extraction.pattern?.source == "reason: (\\w+)")
        #expect(extraction.pattern?.firstCapture(in: "reason: ErrImagePull") == "ErrImagePull")
        #expect(runbook.node("first")?.branches.first?.condition == .matches(fact: "reason", pattern: try Pattern("^Err")))
    }

    @Test func aBadPatternIsReportedWhereItIsWritten() {
        let found = problems(book(fact: "reason: (\\w+", condition: "^Err"))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("9:15: fact 'reason' of node 'first' is not a valid regular expression") == true)
    }

    @Test func nestedQuantifiersAndOverlappingAlternativesAreRefused() {
        for bad in ["(a+)+$", "(\\w+\\s?)*x", "(.*)*", "^(?:a|ab)+c", "(\\w|\\d)+!", "([a-z]+,?){2,}"] {
            let found = problems(book(fact: "x", condition: bad))
            #expect(found.count == 1, "\(bad)")
            #expect(
                found.first?.hasPrefix("11:40: 'matches' in the condition of branch 1 of node 'first' can take exponential time") == true, "\(bad): \(found)")
        }
        for good in ["^(?:Error from server|error:|Unable to connect).*$", "(ab|cd)+", "([0-9]{1,3}\\.){3}", "(a+)++", "[(a+)+]", "\\(a+\\)+", "^[1-9]"] {
            #expect(problems(book(fact: "x", condition: good)) == [], "\(good)")
        }
    }
}
