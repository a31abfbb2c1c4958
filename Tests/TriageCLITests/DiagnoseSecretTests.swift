import Foundation
import Testing
import TriageTestSupport

/// `triage diagnose` masks its input before reading it: no planted password in its text or JSON
/// report, and the evidence it quotes is the masked line.
struct DiagnoseSecretTests {
    static let input = """
        Events:
          Warning  Failed  12s  kubelet  Failed to pull image "registry.example.com/shop/api:1.0": failed to resolve reference "registry.example.com/shop/api:1.0": failed to authorize: https://robot:\(PlantedSecrets.password)@registry.example.com/v2/shop/api/manifests/1.0: 401 Unauthorized
        docker login registry.example.com --password=\(PlantedSecrets.password)

        """ + PlantedSecrets.everything + "\n"

    @Test(arguments: [["diagnose"], ["diagnose", "-o", "json"], ["diagnose", "-o", "yaml"], ["diagnose", "-o", "wide"]])
    func noPlantedSecretInTheReport(_ arguments: [String]) throws {
        let run = try TriageBinary.run(arguments, input: Self.input)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(PlantedSecrets.leaks(in: run.stdout + run.stderr).isEmpty, "\(run.stdout)")
        #expect(run.stdout.contains("robot:<redacted>@registry.example.com"), "the masked line is the evidence")
    }
}
