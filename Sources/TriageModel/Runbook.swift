/// A troubleshooting decision tree loaded from a runbook file.
public struct Runbook: Hashable, Codable, Sendable {
    /// Stable identifier, lower-case words joined by `-`.
    public var id: String
    /// What the runbook troubleshoots, in a few words.
    public var title: String
    /// One paragraph saying when to use this runbook.
    public var summary: String
    /// The values a session needs before it starts (pod, namespace, ...).
    public var inputs: [InputSpec]
    /// The node a session starts at.
    public var start: String
    /// Every node, in file order.
    public var nodes: [Node]
    /// Where the runbook was loaded from.
    public var location: SourceLocation?
    /// When the runbook applies to a pod: a condition over the facts of the standard pod reading
    /// (the `pod-json` parser). A runbook without one is only run by its id.
    public var selection: Selection?
    /// Text shown when a session starts: what the runbook will do and what the reader should
    /// know first. Empty when the runbook has none.
    public var intro: String

    /// A runbook's `selects:` condition and where it was written.
    public struct Selection: Hashable, Codable, Sendable {
        /// The condition over the pod's facts.
        public var condition: Condition
        /// Where `selects:` is in the file.
        public var location: SourceLocation?

        /// Creates a selection.
        public init(condition: Condition, location: SourceLocation? = nil) {
            self.condition = condition
            self.location = location
        }
    }

    /// Creates a runbook.
    public init(
        id: String, title: String, summary: String, inputs: [InputSpec], start: String, nodes: [Node], location: SourceLocation? = nil,
        selection: Selection? = nil, intro: String = ""
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.inputs = inputs
        self.start = start
        self.nodes = nodes
        self.location = location
        self.selection = selection
        self.intro = intro
    }

    /// The node called `id`, if any.
    public func node(_ id: String) -> Node? {
        nodes.first { $0.id == id }
    }

    /// The highest step number any node carries: the `5` in `3/5`.
    public var stepCount: Int? {
        nodes.compactMap(\.step).max()
    }

    /// The input called `name`, if any.
    public func input(_ name: String) -> InputSpec? {
        inputs.first { $0.name == name }
    }
}

/// A value a runbook needs from the user before it starts.
public struct InputSpec: Hashable, Codable, Sendable {
    /// The name placeholders use, e.g. `pod`.
    public var name: String
    /// What the value is, shown in help and prompts.
    public var description: String
    /// Whether the session cannot start without a value.
    public var required: Bool
    /// Used when the user gives no value.
    public var defaultValue: String?
    /// The shape the value must have.
    public var format: ValueFormat
    /// Where it is written, for messages.
    public var location: SourceLocation?

    /// Creates an `InputSpec` from its fields.
    public init(name: String, description: String, required: Bool, defaultValue: String? = nil, format: ValueFormat, location: SourceLocation? = nil) {
        self.name = name
        self.description = description
        self.required = required
        self.defaultValue = defaultValue
        self.format = format
        self.location = location
    }
}
