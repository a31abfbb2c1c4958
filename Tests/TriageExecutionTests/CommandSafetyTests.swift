import Testing
import TriageModel

@Suite("CommandSafety: what an argument vector does, from the vector alone")
struct CommandSafetyTests {
    static let reading: [[String]] = [
        ["kubectl", "get", "pods", "-n", "shop", "-o", "json"],
        ["kubectl", "describe", "pod", "web", "--namespace", "shop"],
        ["/usr/local/bin/kubectl", "logs", "web", "--previous"],
        ["kubectl", "-n", "shop", "get", "pods"],
        ["kubectl", "-nshop", "get", "pods"],
        ["kubectl", "--context=prod", "--kubeconfig", "/tmp/kc", "get", "events"],
        ["kubectl", "--insecure-skip-tls-verify", "-v", "6", "get", "nodes"],
        ["kubectl", "rollout", "status", "deployment/web"],
        ["kubectl", "rollout", "-n", "shop", "history", "deployment/web"],
        ["kubectl", "auth", "can-i", "delete", "pods"],
        ["kubectl", "apply", "view-last-applied", "deployment/web"],
        ["kubectl", "config", "view", "--minify"],
        ["kubectl", "create", "secret", "docker-registry", "regcred", "--dry-run=client", "-o", "yaml"],
        ["kubectl", "apply", "-f", "x.yaml", "--dry-run=server"],
        ["kubectl", "delete", "pod", "web", "--dry-run"],
        ["kubectl", "label", "pod", "web", "--list"],
        ["kubectl", "delete", "--help"],
        ["kubectl", "cluster-info", "dump"],
        ["kubectl", "diff", "-f", "x.yaml"],
        ["kubectl", "version"],
        ["kubectl"],
        ["oc", "get", "pods"],
        ["k3s", "kubectl", "get", "pods"],
        ["timeout", "10", "kubectl", "get", "pods"],
        ["env", "KUBECONFIG=/tmp/kc", "kubectl", "get", "pods"],
        ["docker", "images"],
        ["docker", "-H", "unix:///run/docker.sock", "ps", "-a"],
        ["docker", "image", "inspect", "nginx"],
        ["podman", "--root", "/var/lib/c", "image", "ls"],
        ["nerdctl", "-n", "k8s.io", "images"],
        ["crictl", "images"],
        ["crictl", "--runtime-endpoint", "unix:///run/containerd/containerd.sock", "inspecti", "nginx"],
        ["crictl", "config", "--get", "runtime-endpoint"],
        ["ctr", "-n", "k8s.io", "images", "ls"],
        ["ctr", "version"],
        ["ctr", "snapshots", "mounts", "/mnt", "key"],
        ["triage", "registry-check", "nginx:1.27", "--output", "json"],
        ["getent", "hosts", "registry.example.com"],
    ]

    @Test(arguments: reading)
    func readingCommandsDoNotChangeThings(arguments: [String]) {
        let safety = CommandSafety(arguments)
        #expect(safety.change == nil)
        #expect(safety.script == nil)
    }

    static let changing: [([String], String)] = [
        (["kubectl", "delete", "pod", "web"], "`kubectl delete` changes the cluster"),
        (["kubectl", "-n", "shop", "delete", "pod", "web"], "`kubectl delete`"),
        (["kubectl", "--context", "prod", "apply", "-f", "x.yaml"], "`kubectl apply`"),
        (["/opt/bin/kubectl", "patch", "serviceaccount", "default", "--patch", "{}"], "`kubectl patch`"),
        (["kubectl", "delete", "pod", "web", "--dry-run=none"], "`kubectl delete`"),
        (["kubectl", "delete", "pod", "web", "--dry-run=server", "--dry-run=none"], "`kubectl delete`"),
        (["kubectl", "exec", "web", "--", "kubectl", "get", "pods", "--dry-run=client"], "`kubectl exec`"),
        (["kubectl", "exec", "web", "--dry-run=client", "--", "ls"], "`kubectl exec`"),
        (["kubectl", "rollout", "restart", "deployment/web"], "`kubectl rollout`"),
        (["kubectl", "rollout", "undo", "deployment/web"], "`kubectl rollout`"),
        (["kubectl", "set", "image", "deployment/web", "web=nginx:1.27"], "`kubectl set`"),
        (["kubectl", "scale", "deployment/web", "--replicas=0"], "`kubectl scale`"),
        (["kubectl", "cordon", "node-1"], "`kubectl cordon`"),
        (["kubectl", "drain", "node-1"], "`kubectl drain`"),
        (["kubectl", "taint", "nodes", "node-1", "k=v:NoSchedule"], "`kubectl taint`"),
        (["kubectl", "edit", "pod", "web"], "`kubectl edit`"),
        (["kubectl", "cp", "web:/etc/passwd", "/tmp/p"], "`kubectl cp`"),
        (["kubectl", "debug", "node/node-1", "-it", "--image=busybox"], "`kubectl debug`"),
        (["kubectl", "port-forward", "pod/web", "8080:80"], "`kubectl port-forward`"),
        (["kubectl", "proxy"], "`kubectl proxy`"),
        (["kubectl", "certificate", "approve", "csr-1"], "`kubectl certificate`"),
        (["kubectl", "config", "use-context", "prod"], "`kubectl config`"),
        (["kubectl", "create", "token", "default", "--dry-run=client"], "`kubectl create token`"),
        (["kubectl", "auth", "reconcile", "-f", "rbac.yaml"], "`kubectl auth`"),
        (["kubectl", "cluster-info", "dump", "--output-directory=/tmp/d"], "writes files"),
        (["kubectl", "whoops", "pods"], "not a kubectl command Triage knows"),
        (["kubectl", "--frobnicate", "delete", "pod", "web"], "`--frobnicate` stands before the verb"),
        (["kubectl", "rollout", "--frobnicate", "status", "deployment/web"], "`kubectl rollout`"),
        (["oc", "delete", "pod", "web"], "`kubectl delete`"),
        (["microk8s", "kubectl", "delete", "pod", "web"], "`kubectl delete`"),
        (["sudo", "-u", "root", "kubectl", "delete", "pod", "web"], "`kubectl delete`"),
        (["env", "-i", "A=1", "timeout", "-s", "KILL", "5", "nice", "-n", "10", "kubectl", "drain", "n1"], "`kubectl drain`"),
        (["docker", "pull", "nginx"], "`docker pull`"),
        (["docker", "run", "--rm", "nginx"], "`docker run`"),
        (["docker", "--context", "remote", "rmi", "nginx"], "`docker rmi`"),
        (["docker", "system", "prune", "-af"], "`docker system prune`"),
        (["docker", "image", "rm", "nginx"], "`docker image rm`"),
        (["docker", "login", "-u", "me", "-p", "secret", "registry.example.com"], "`docker login`"),
        (["podman", "tag", "a", "b"], "`podman tag`"),
        (["nerdctl", "-n", "k8s.io", "pull", "nginx"], "`nerdctl pull`"),
        (["crictl", "pull", "nginx"], "`crictl pull`"),
        (["crictl", "rmi", "--prune"], "`crictl rmi`"),
        (["crictl", "-r", "unix:///run/containerd/containerd.sock", "stopp", "abc"], "`crictl stopp`"),
        (["crictl", "exec", "-it", "abc", "ls"], "`crictl exec`"),
        (["crictl", "config", "--set", "debug=true"], "`crictl config`"),
        (["ctr", "-n", "k8s.io", "images", "pull", "docker.io/library/nginx:latest"], "`ctr images pull`"),
        (["ctr", "i", "rm", "nginx"], "`ctr i rm`"),
        (["ctr", "images", "import", "x.tar"], "`ctr images import`"),
        (["ctr", "run", "--rm", "nginx", "x"], "`ctr run`"),
        (["ctr", "images", "mount", "nginx", "/mnt"], "`ctr images mount`"),
        (["/usr/bin/crictl", "pull", "nginx"], "`crictl pull`"),
    ]

    @Test(arguments: changing)
    func changingCommandsSayWhy(arguments: [String], why: String) throws {
        let change = try #require(CommandSafety(arguments).change)
        #expect(change.contains(why))
    }

    static let scripts: [([String], String)] = [
        (["sh", "-c", "kubectl get pods"], "`sh` is a shell"),
        (["bash", "-lc", "echo {{service_account}}"], "`bash` is a shell"),
        (["/bin/sh", "script.sh"], "`/bin/sh` is a shell"),
        (["env", "FOO=1", "sh", "-c", "id"], "`sh` is a shell"),
        (["env", "-", "sh", "-c", "id"], "`sh` is a shell"),
        (["/usr/bin/env", "-u", "HOME", "bash", "-c", "id"], "`bash` is a shell"),
        (["python3", "-c", "import os"], "`python3` is an interpreter"),
        (["python3.12", "-c", "import os"], "an interpreter"),
        (["perl", "-e", "print 1"], "`perl` is an interpreter"),
        (["node", "-e", "1"], "`node` is an interpreter"),
        (["awk", "BEGIN{system(\"id\")}"], "an interpreter"),
        (["xargs", "kubectl", "delete", "pod"], "`xargs` runs commands"),
        (["busybox", "sh", "-c", "id"], "`sh` is a shell"),
        (["/bin/busybox", "ash"], "`ash` is a shell"),
        (["sudo", "bash", "-c", "id"], "`bash` is a shell"),
        (["timeout", "5", "sh", "-c", "id"], "`sh` is a shell"),
        (["chroot", "/host"], "may start a shell"),
        (["chroot", "/host", "sh", "-c", "crictl pull x"], "`sh` is a shell"),
        (["watch", "kubectl", "get", "pods"], "`watch` runs commands"),
        (["su", "-c", "id"], "`su` is a shell"),
        (["ssh", "node-1", "crictl", "pull", "x"], "shell on another machine"),
        (["find", "/", "-name", "x", "-delete"], "`find`"),
    ]

    @Test(arguments: scripts)
    func shellsAndInterpretersGivenAScriptAreScripts(arguments: [String], why: String) throws {
        let safety = CommandSafety(arguments)
        let script = try #require(safety.script)
        #expect(script.contains(why))
        #expect(safety.changes, "a script's effects cannot be known, so it counts as a change")
    }

    @Test func unknownWrapperOptionsAreNotGuessed() throws {
        let safety = CommandSafety(["sudo", "--frobnicate", "kubectl", "get", "pods"])
        #expect(try #require(safety.change).contains("cannot be told"))
    }

    @Test(arguments: [
        (["kubectl", "get", "pods"], 0),
        (["/usr/local/bin/kubectl", "get", "pods"], 0),
        (["oc", "get", "pods"], 0),
        (["k3s", "kubectl", "get", "pods"], 1),
        (["env", "KUBECONFIG=/x", "kubectl", "get", "pods"], 2),
        (["timeout", "5", "kubectl", "get", "pods"], 2),
    ])
    func kubectlIsFoundByAnyPathAndThroughWrappers(arguments: [String], index: Int) {
        #expect(CommandSafety(arguments).kubectlIndex == index)
    }

    @Test(arguments: [["kubectl-triage", "run"], ["crictl", "ps"], ["sh", "-c", "kubectl get pods"], ["mykubectl", "get"]])
    func otherProgramsAreNotKubectl(arguments: [String]) {
        #expect(!CommandSafety(arguments).isKubectl)
    }
}
