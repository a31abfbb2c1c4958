import Testing
import TriageJSON

/// The kubectl-style JSONPath subset on a real pod's JSON.
struct JSONPathTests {
    func select(_ expression: String) throws -> [String] {
        let pod = try JSONValue.parse(try fixture("pod-sidecar-pull-1.32.json"))
        return try JSONPath(expression).values(in: pod).map(\.text)
    }

    @Test func fieldsWildcardsAndIndexes() throws {
        #expect(try select("{.metadata.name}") == ["web-7c9d8f6b54-x2x9q"])
        #expect(try select(".spec.nodeName") == ["worker-arm-2"])
        #expect(try select("$.spec.nodeName") == ["worker-arm-2"])
        #expect(try select("{.spec.containers[*].image}") == ["ghcr.io/acme/web:2.4.1", "prom/statsd-exporter:v0.27.1"])
        #expect(try select("{.spec.initContainers[1].name}") == ["log-shipper"])
        #expect(try select("{.spec.initContainers[-1].restartPolicy}") == ["Always"])
        #expect(try select("{.spec.initContainers[5].name}") == [])
        #expect(try select("{.status.containerStatuses[0].restartCount}") == ["1"])
        #expect(try select("{.status.containerStatuses[0].ready}") == ["true"])
        #expect(try select("{.spec.imagePullSecrets}") == [#"[{"name":"ghcr-pull"}]"#])
        #expect(try select("{.metadata.labels.pod-template-hash}") == ["7c9d8f6b54"])
        #expect(try select("{.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}") == ["2025-02-10T08:00:00Z"])
        #expect(try select("{.metadata.annotations['kubectl.kubernetes.io/restartedAt']}") == ["2025-02-10T08:00:00Z"])
        #expect(try select("{.metadata.labels.*}") == ["web", "7c9d8f6b54"])
        #expect(try select("{.spec.missing.deeper}") == [])
    }

    @Test func filters() throws {
        #expect(try select(#"{.status.containerStatuses[?(@.name=="web")].state.waiting.reason}"#) == ["ImagePullBackOff"])
        #expect(try select(#"{.status.containerStatuses[?(@.name != 'web')].name}"#) == ["metrics"])
        #expect(try select(#"{.status.containerStatuses[?(@.restartCount==1)].name}"#) == ["metrics"])
        #expect(try select(#"{.status.containerStatuses[?(@.ready==true)].name}"#) == ["metrics"])
        #expect(try select("{.status.containerStatuses[?(@.state.waiting)].name}") == ["web"])
        #expect(try select(#"{.status.conditions[?(@.type=="Ready")].status}"#) == ["False"])
    }

    @Test func recursiveDescent() throws {
        #expect(
            try select("{..reason}") == [
                "ContainersNotReady", "ContainersNotReady", "OOMKilled", "ImagePullBackOff",
                "ImagePullBackOff", "Completed",
            ])
        #expect(try select("{.spec..claimName}") == ["web-data"])
    }

    @Test(arguments: [
        ("", 0, "the expression is empty"),
        ("{.spec", 6, "expected '}' to close the expression"),
        ("{.spec.containers[*.image}", 19, "expected ']'"),
        ("{.spec.containers[x]}", 18, "expected '*', an index, a quoted name or a filter after '['"),
        (#"{.a[?(@.b="c")]}"#, 9, "expected '==', '!=' or ')' in the filter"),
        ("{.a[?(.b)]}", 6, "a filter starts with '@', the element it tests"),
        (#"{.a[?(@.b==c)]}"#, 11, "expected a quoted string, a number, true, false or null"),
        ("{.a['b]}", 4, "this quoted text is not closed"),
        ("{.a..}", 5, "expected a member name after '..'"),
        ("{.a.}", 4, "expected a member name after '.'"),
        ("spec.a", 0, "a path starts with '.', '..', '[' or '$', as in .metadata.name"),
        ("{.a} x", 5, "unexpected 'x' after the path"),
        ("{.a[12345678901]}", 4, "expected an index of at most nine digits"),
    ])
    func badExpressionsSayWhere(expression: String, offset: Int, problem: String) {
        do {
            _ = try JSONPath(expression)
            Issue.record("\(expression) parsed")
        } catch {
            #expect(error.offset == offset && error.problem == problem, "\(expression): \(error)")
        }
    }
}
