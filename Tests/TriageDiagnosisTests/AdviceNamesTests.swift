import Foundation
import Testing
@testable import TriageDiagnosis

/// The advice of `triage diagnose` names what the input shows (pod, namespace, workload,
/// container, ECR region) instead of placeholders.
@Suite("Advice names what it read")
struct AdviceNamesTests {
    static let ecrImage = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:1.4.2"

    static func describe(owner: String = "Controlled By:  ReplicaSet/web-6d9f7c8b5", error: String) -> String {
        """
        Name:             web-6d9f7c8b5-k2x7p
        Namespace:        shop
        Node:             node-1/10.0.1.23
        Labels:           app=web
                          pod-template-hash=6d9f7c8b5
        \(owner)
        Containers:
          web:
            Image:          \(ecrImage)
            State:          Waiting
              Reason:       ImagePullBackOff
        Events:
          Type     Reason  Age   From     Message
          Warning  Failed  12s   kubelet  Failed to pull image "\(ecrImage)": \(error)
        """
    }

    static let placeholders = ["<name>", "<container>", "<image>", "<region>", "<pod>", "<node>"]

    @Test func imageNotFoundNamesWorkloadContainerAndRegion() throws {
        let finding = try #require(
            PullFailureDiagnoser.diagnose(Self.describe(error: "failed to resolve reference \"\(Self.ecrImage)\": \(Self.ecrImage): not found")).findings.first)
        #expect(finding.cause == .imageNotFound)
        let fix = finding.fix.joined(separator: "\n")
        #expect(fix.contains("kubectl set image deployment/web web=123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/web:<an existing tag> -n shop"))
        #expect(fix.contains("aws ecr describe-images --repository-name shop/web --region eu-west-1"))
        #expect(fix.contains("kubectl get pod web-6d9f7c8b5-k2x7p -n shop"))
        for placeholder in Self.placeholders { #expect(!fix.contains(placeholder), "\(placeholder) in \(fix)") }
    }

    @Test func authNamesTheECRRegion() throws {
        let finding = try #require(PullFailureDiagnoser.diagnose(Self.describe(error: "no basic auth credentials")).findings.first)
        #expect(finding.cause == .auth)
        let fix = finding.fix.joined(separator: "\n")
        #expect(fix.contains("aws ecr get-login-password --region eu-west-1"))
        for placeholder in Self.placeholders { #expect(!fix.contains(placeholder), "\(placeholder) in \(fix)") }
    }

    @Test(arguments: [
        ("Controlled By:  ReplicaSet/web-6d9f7c8b5", "deployment/web"),
        ("Controlled By:  StatefulSet/db", "statefulset/db"),
        ("Controlled By:  Job/backup-28901234", "cronjob/backup"),
        ("Controlled By:  Job/migrate", "job/migrate"),
        ("", "deployment/web"),  // no owner shown: the Deployment pod's name says it
    ])
    func workloadFromTheOwner(owner: String, workload: String) throws {
        let finding = try #require(PullFailureDiagnoser.diagnose(Self.describe(owner: owner, error: "manifest unknown")).findings.first)
        #expect(finding.fix.contains { $0.contains("kubectl set image \(workload) web=") })
    }

    @Test func ownerReferencesOfPodJSONAndYAML() {
        let json =
            #"{"metadata": {"name": "api-5c7f9dd4b8-x2x4z", "labels": {"pod-template-hash": "5c7f9dd4b8"}, "ownerReferences": [{"apiVersion": "apps/v1", "controller": true, "kind": "ReplicaSet", "name": "my-api-5c7f9dd4b8"}]}}"#
        #expect(OwnerReader.workload(in: Array(json.utf8)) == "deployment/my-api")
        let yaml =
            "metadata:\n  labels:\n    pod-template-hash: 5c7f9dd4b8\n  ownerReferences:\n  - apiVersion: apps/v1\n    controller: true\n    kind: DaemonSet\n    name: agent\n"
        #expect(OwnerReader.workload(in: Array(yaml.utf8)) == "daemonset/agent")
        let two = "Controlled By:  StatefulSet/a\nControlled By:  StatefulSet/b\n"
        #expect(OwnerReader.workload(in: Array(two.utf8)) == nil)
    }

    @Test func unknownWorkloadIsSaidInWordsNotAsADeploymentPlaceholder() throws {
        let text =
            #"Warning  Failed  12s  kubelet  Failed to pull image "nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found"#
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(!finding.fix.joined().contains("deployment/<name>"))
    }

    @Test func neverPullHasItsOwnFix() throws {
        let text = Self.describe(error: "x").replacingOccurrences(
            of: "Failed to pull image \"\(Self.ecrImage)\": x",
            with: "Container image \"\(Self.ecrImage)\" is not present with pull policy of Never")
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == .neverPull)
        #expect(finding.fix.contains { $0.contains("kind load docker-image \(Self.ecrImage)") && $0.contains("node node-1") })
        #expect(
            finding.fix.contains {
                $0.contains(
                    #"kubectl patch deployment/web -n shop -p '{"spec":{"template":{"spec":{"containers":[{"name":"web","imagePullPolicy":"IfNotPresent"}]}}}}'"#
                )
            })
    }

    @Test(
        arguments: [
            ("123456789012.dkr.ecr.eu-west-1.amazonaws.com", "eu-west-1"),
            ("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn:443", "cn-north-1"),
            ("public.ecr.aws", nil),
            ("dkr.ecr.eu-west-1.amazonaws.com", nil),
            ("123.dkr.ecr.$(id).amazonaws.com", nil),
        ] as [(String, String?)])
    func ecrRegion(host: String, region: String?) {
        #expect(RegistryFamily.ecrRegion(ofHost: host) == region)
    }
}
