import CYaml
import TriageModel

/// A pass over the tokens of a YAML text, before any of it is composed into a tree: composing
/// follows aliases, so an alias bomb must be refused before composition, and the size of the tree
/// is known from the scalars alone.
enum YAMLTokenScan {
    /// Why a text is refused before it is composed.
    enum Refusal: Equatable {
        /// An anchor (`&NAME`) or an alias (`*NAME`), at its 1-based line and column.
        case anchorOrAlias(kind: String, name: String, line: Int, column: Int)
        /// More values than the budget; the line and column of the first one past it.
        case tooManyValues(line: Int, column: Int)
    }

    /// The first reason to refuse `text`, or nil. A syntax error is left for the composer, which
    /// reports it with its context.
    static func refusal(in text: String, valueBudget: Int) -> Refusal? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var values = 0
            while true {
                var token = yaml_token_t()
                guard yaml_parser_scan(&parser, &token) == 1 else { return nil }
                defer { yaml_token_delete(&token) }
                let line = Int(clamping: token.start_mark.line) + 1
                let column = Int(clamping: token.start_mark.column) + 1
                switch token.type {
                case YAML_STREAM_END_TOKEN, YAML_NO_TOKEN:
                    return nil
                case YAML_ANCHOR_TOKEN:
                    return .anchorOrAlias(kind: "anchor", name: name(token.data.anchor.value), line: line, column: column)
                case YAML_ALIAS_TOKEN:
                    return .anchorOrAlias(kind: "alias", name: name(token.data.alias.value), line: line, column: column)
                case YAML_SCALAR_TOKEN:
                    values += 1
                    if values > valueBudget { return .tooManyValues(line: line, column: column) }
                default:
                    continue
                }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
