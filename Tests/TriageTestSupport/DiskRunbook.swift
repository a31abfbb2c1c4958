/// A small runbook about something other than image pulls (a full disk), with every training
/// key: a node's `hint:` and `checks:`, branch hints, an `otherwise` hint and a fix command.
/// Tests load it to show that training is driven by runbook data alone.
public enum DiskRunbook {
    /// The runbook's text.
    public static let text = """
        id: disk
        title: Disk full
        inputs:
          node: {format: dns-1123-subdomain}
          namespace: {format: dns-1123-label, default: default}
        start: df
        nodes:
          df:
            title: Read the disk usage
            run: [kubectl, describe, node, "{{node}}"]
            facts:
              full: '(100%)'
            hint: Which filesystem is at 100%?
            checks:
              - question: What does a full /var do to new pods?
                choices: [They cannot start, Nothing]
                answer: They cannot start
                explain: Images and logs live there.
            branches:
              - when: {fact: full, present: true}
                goto: full
                hint: A line ends at 100%.
              - otherwise: fine
                hint: No filesystem is full.
          full:
            title: The disk is full
            diagnosis:
              cause: disk
              remedy: Drain the node and free space on its /var.
              summary: Full
              fix:
                - {text: Drain the node, run: [kubectl, drain, "{{node}}", --namespace, "{{namespace}}"], mutates: true}
          fine:
            title: Not the disk
            diagnosis: {cause: other, remedy: Look for the fault elsewhere., summary: Fine, fix: [Look elsewhere.]}
        """
}
