import Foundation
import TriageEngine
import TriageModel

/// The person at the REPL answers a runbook's question: asked until the reply fits, with a
/// replayed scenario's answer offered as the default.
struct PersonAnswers: AnswerSource {
    /// Where the person's replies come from.
    let input: SharedLineReader
    /// Where the question and what is wrong with a reply go.
    let console: any Console
    /// How they are worded.
    let printer: SessionPrinter
    /// Answers offered as the default at a question, by node id.
    let suggested: [String: String]

    /// The reply that fits `question`; nil when input ended or the person typed nothing to
    /// leave the step as it is.
    func answer(to question: Question, at node: String) async -> String? {
        let recorded = suggested[node]
        console.line(printer.question(question, recorded: recorded))
        while true {
            guard let reply = input.readLine(prompt: printer.answerPrompt(question), completion: { _ in question.suggestions }) else {
                return nil
            }
            let answer = reply.trimmingCharacters(in: .whitespaces).isEmpty ? recorded : reply
            guard let answer else {
                console.line(printer.note("No answer given; the step is unchanged. Type 'next' to answer, or 'skip'."))
                return nil
            }
            do {
                _ = try Session.normalise(answer, for: question)
                return answer
            } catch {
                console.line(printer.error(error.description))
            }
        }
    }
}
