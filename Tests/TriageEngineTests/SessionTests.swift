import Foundation
import Testing
import TriageExecution
import TriageModel
import TriageRunbooks
@testable import TriageEngine

/// The pure state machine: branch choice and its reason, back, skip, answers, and what may be put
/// into a command.
struct SessionTests {
    static let yaml = """
        id: demo
        title: Demo
        inputs:
          pod:
            format: dns-1123-subdomain
          namespace:
            format: dns-1123-label
            default: default
        start: look
        nodes:
          look:
            step: 1
            title: Look
            run: [kubectl, get, pod, "{{pod}}", -n, "{{namespace}}"]
            facts:
              reason: 'reason: (\\w+)'
              image: {pattern: 'image: (\\S+)', format: image-reference}
            branches:
              - when: {fact: reason, equals: ErrImagePull}
                goto: use-image
                label: the pull failed
              - when:
                  any:
                    - {fact: reason, in: [CrashLoopBackOff, Error]}
                    - {not: {fact: reason, present: true}}
                goto: ask
              - otherwise: other
          use-image:
            step: 2
            title: Use the image
            run: [crictl, pull, "{{image}}"]
            where: node
            mutates: true
            next: other
          ask:
            title: Ask
            ask:
              question: Is it private?
              answer: choice
              choices: [public, private]
              fact: visibility
            branches:
              - when: {fact: visibility, matches: "^priv"}
                goto: private
              - otherwise: other
          private:
            title: Private
            diagnosis:
              cause: auth
              summary: private {{pod}}
              fix:
                - Add a secret.
                - {text: "Log in to ghcr.io", when: {fact: image, matches: '^ghcr\\.io/'}}
                - {text: "Log in to {{image}}'s registry", when: {not: {fact: image, matches: '^ghcr\\.io/'}}}
          other:
            title: Other
            diagnosis:
              cause: other
              summary: nothing
              fix: []
        """

    static func runbook() throws -> Runbook {
        let runbook = try RunbookDecoder.decode(yaml, file: "demo.yaml").get()
        #expect(RunbookValidator(parsers: ParserCatalog.standard.signatures).validate(runbook).map(\.description) == [])
        return runbook
    }

    static func result(_ stdout: String, exit: Int32 = 0) -> CommandResult {
        CommandResult(stdout: stdout, exitStatus: exit)
    }

    @Test func inputsAreValidatedBeforeAnythingRuns() throws {
        let runbook = try Self.runbook()
        #expect(throws: SessionError.invalidInputs(["input 'pod' is required: "])) { try Session(runbook: runbook, inputs: [:]) }
        #expect(throws: SessionError.self) { try Session(runbook: runbook, inputs: ["pod": "--kubeconfig=/tmp/x"]) }
        #expect(throws: SessionError.invalidInputs(["namespace 'Shop' contains upper-case letters; expected \(ValueFormat.dns1123Label.expectation)"])) {
            try Session(runbook: runbook, inputs: ["pod": "web", "namespace": "Shop"])
        }
        #expect(throws: SessionError.self) { try Session(runbook: runbook, inputs: ["pod": "web", "colour": "red"]) }
        let session = try Session(runbook: runbook, inputs: ["pod": "web"])
        #expect(session.inputs == ["pod": "web", "namespace": "default"])
    }

    @Test func aFactThatIsNotKnownIsNeverShownByItsName() throws {
        let yaml = """
            id: unread
            title: Unread
            inputs: {pod: {format: dns-1123-subdomain}}
            start: look
            nodes:
              look:
                title: Look
                run: [kubectl, get, pod, "{{pod}}"]
                facts: {kubectl_error: '^(Error from server.*)$'}
                branches:
                  - when: {fact: exit_status, matches: "^[1-9]"}
                    goto: unreadable
                  - otherwise: unreadable
              unreadable:
                title: Unreadable
                diagnosis:
                  cause: other
                  outcome: could-not-look
                  summary: "kubectl said: {{kubectl_error}}"
                  evidence: "{{kubectl_error}}"
                  fix: []
            """
        let runbook = try RunbookDecoder.decode(yaml, file: "unread.yaml").get()
        var session = try Session(runbook: runbook, inputs: ["pod": "web"])
        let refused = CommandResult(
            stdout: "",
            stderr:
                "E1202 10:00:00.000000   1 memcache.go:265] couldn't get current server API group list\nThe connection to the server 127.0.0.1:1 was refused\u{1B}]0;owned\u{07} - did you specify the right host or port?\n",
            exitStatus: 1)
        session.record(refused, for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        let diagnosis = try #require(session.current.diagnosis)
        #expect(diagnosis.outcome == .couldNotLook)
        #expect(session.render(diagnosis.summary) == "kubectl said: (not known)")
        #expect(
            session.evidence(of: diagnosis)
                == "The connection to the server 127.0.0.1:1 was refused\\u{1B}]0;owned\\u{7} - did you specify the right host or port?")

        var found = try Session(runbook: runbook, inputs: ["pod": "web"])
        found.record(
            CommandResult(stdout: "", stderr: "Error from server (NotFound): pods \"web\" not found\n", exitStatus: 1),
            for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(found.evidence(of: diagnosis) == #"Error from server (NotFound): pods "web" not found"#)
    }

    @Test func aFactWithSeveralValuesIsAListInASentenceAndALineEachOnItsOwnLine() throws {
        let yaml = """
            id: platforms
            title: Platforms
            start: look
            nodes:
              look:
                title: Look
                run: [kubectl, version]
                facts: {offered: {pattern: '^offers (\\S+)$', all: true}}
                branches:
                  - otherwise: told
              told:
                title: Told
                diagnosis:
                  cause: platform
                  summary: "The registry offers {{offered}} for this image."
                  explain: "Offered:\n\n{{offered}}\n\nand no more; {{offered}}{{offered}}"
                  evidence: "{{offered}}"
                  fix: []
            """
        let runbook = try RunbookDecoder.decode(yaml, file: "platforms.yaml").get()
        var session = try Session(runbook: runbook, inputs: [:])
        session.record(
            CommandResult(stdout: "offers linux/arm64/v8\noffers linux/arm/v7\n", stderr: "", exitStatus: 0),
            for: CommandInvocation(arguments: ["kubectl", "version"]), parsers: .standard)
        let diagnosis = try #require(session.current.diagnosis)
        #expect(session.render(diagnosis.summary) == "The registry offers linux/arm64/v8, linux/arm/v7 for this image.")
        #expect(session.evidence(of: diagnosis) == "linux/arm64/v8\nlinux/arm/v7")
        let explained = session.render(diagnosis.explanation)
        #expect(explained == "Offered:\nlinux/arm64/v8\nlinux/arm/v7\nand no more; linux/arm64/v8, linux/arm/v7linux/arm64/v8, linux/arm/v7")
    }

    @Test func theCommandIsTheTemplateFilledIn() throws {
        let session = try Session(runbook: Self.runbook(), inputs: ["pod": "web-1", "namespace": "shop"])
        #expect(try session.pending() == .command(CommandInvocation(arguments: ["kubectl", "get", "pod", "web-1", "-n", "shop"])))
    }

    @Test func theFirstBranchThatHoldsIsTakenWithItsEvidence() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        let invocation = try #require(try? session.pending()).invocation
        let transition = session.record(Self.result("name: web\nreason: ErrImagePull\nimage: nginx:1.0\n"), for: invocation!, parsers: .standard)
        #expect(transition.to == "use-image")
        guard case .branch(let index, let condition, let label, let witnesses) = transition.reason else {
            Issue.record("expected a branch, got \(transition.reason)")
            return
        }
        #expect(index == 1)
        #expect(condition == "reason == ErrImagePull")
        #expect(label == "the pull failed")
        #expect(witnesses == [Witness(fact: "reason", value: "ErrImagePull", evidence: Evidence(line: 2, text: "reason: ErrImagePull", node: "look"))])
        #expect(session.facts["image"]?.value == "nginx:1.0")
        #expect(session.facts["exit_status"]?.value == "0")
        #expect(try session.pending() == .command(CommandInvocation(arguments: ["crictl", "pull", "nginx:1.0"], location: .node, mutates: true)))
    }

    @Test func combinatorsAndOtherwise() throws {
        let runbook = try Self.runbook()
        var missing = try Session(runbook: runbook, inputs: ["pod": "web"])
        #expect(missing.record(Self.result("nothing here"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard).to == "ask")
        var crash = try Session(runbook: runbook, inputs: ["pod": "web"])
        #expect(crash.record(Self.result("reason: Error"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard).to == "ask")
        var running = try Session(runbook: runbook, inputs: ["pod": "web"])
        let transition = running.record(Self.result("reason: Running"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(transition == Transition(from: "look", to: "other", reason: .otherwise))
        #expect(running.isFinished)
    }

    @Test func aFixStepWhoseConditionFailsIsLeftOut() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        session.record(Self.result("reason: Error\nimage: ghcr.io/acme/app:1"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        try session.answer("private")
        let diagnosis = try #require(session.current.diagnosis)
        #expect(session.fixSteps(of: diagnosis).map(\.text) == ["Add a secret.", "Log in to ghcr.io"])
        session.back()
        session.back()
        session.record(Self.result("reason: Error\nimage: quay.io/acme/app:1"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        try session.answer("private")
        #expect(session.fixSteps(of: diagnosis).map(\.text) == ["Add a secret.", "Log in to quay.io/acme/app:1's registry"])
    }

    @Test func answersAreNormalisedAndChecked() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        session.record(Self.result(""), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(session.currentID == "ask")
        #expect(throws: SessionError.badAnswer("choose one of: public, private (or its number)")) { try session.answer("secret") }
        let transition = try session.answer("2")
        #expect(session.facts["visibility"]?.value == "private")
        #expect(transition.to == "private")
        #expect(session.render(session.current.diagnosis!.summary) == "private web")
    }

    @Test func yesNoAndTextAnswers() throws {
        let yesNo = Question(prompt: "?", kind: .yesNo, fact: "x")
        #expect(try Session.normalise(" Y ", for: yesNo) == "yes")
        #expect(try Session.normalise("no", for: yesNo) == "no")
        #expect(throws: SessionError.self) { try Session.normalise("maybe", for: yesNo) }
        let text = Question(prompt: "?", kind: .text(pattern: try Pattern("[a-z]+\\.example\\.com")), fact: "x")
        #expect(try Session.normalise("registry.example.com", for: text) == "registry.example.com")
        #expect(throws: SessionError.badAnswer("the answer must match /[a-z]+\\.example\\.com/")) { try Session.normalise("evil.com", for: text) }
        #expect(throws: SessionError.self) { try Session.normalise("-rf", for: Question(prompt: "?", kind: .text(pattern: nil), fact: "x")) }
    }

    @Test func backRestoresTheNodeAndItsFacts() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        let atStart = session.back()
        #expect(!atStart)
        session.record(Self.result("reason: ErrImagePull\nimage: a:1"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(session.path == ["look", "use-image"])
        let wentBack = session.back()
        #expect(wentBack)
        #expect(session.currentID == "look")
        #expect(session.facts["image"] == nil)
        #expect(session.path == ["look"])
        #expect(session.lastResult == nil)
    }

    @Test func skipFollowsTheBranchesOnWhatIsKnown() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        let transition = session.decide()
        #expect(transition.to == "ask")
        #expect(session.steps.last?.result == nil)
    }

    @Test func aFactThatCouldBecomeAFlagIsRefused() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        session.record(Self.result("reason: ErrImagePull\nimage: --all"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(throws: SessionError.unsafeValue("image", "--all", "starts with '-', which a command would read as a flag", node: "use-image")) {
            try session.pending()
        }
    }

    @Test func aValueNotKnownYetIsReported() throws {
        var session = try Session(runbook: Self.runbook(), inputs: ["pod": "web"])
        session.record(Self.result("reason: ErrImagePull"), for: CommandInvocation(arguments: ["kubectl"]), parsers: .standard)
        #expect(throws: SessionError.missingValue("image", node: "use-image")) { try session.pending() }
    }
}

extension Session.Pending {
    var invocation: CommandInvocation? {
        if case .command(let invocation) = self { return invocation }
        return nil
    }
}
