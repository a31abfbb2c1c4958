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
        ["kubectl", "-v", "6", "get", "nodes"],
        ["kubectl", "annotate", "pod", "web", "--list"],
        ["kubectl", "delete", "pod", "web", "--wait", "--dry-run=server"],
        ["kubectl", "delete", "pod", "web", "-it", "--dry-run=client"],
        ["kubectl", "kustomize", "overlays/prod"],
        ["helm", "list", "-A"],
        ["helm", "--kube-context", "prod", "get", "values", "web"],
        ["helm", "repo", "list"],
        ["skopeo", "inspect", "docker://registry.example.com/app:1.0"],
        ["skopeo", "--override-os", "linux", "list-tags", "docker://registry.example.com/app"],
        ["aws", "ecr", "describe-images", "--repository-name", "app", "--region", "eu-west-1"],
        ["aws", "--profile", "prod", "ecr", "get-login-password"],
        ["aws", "s3", "ls"],
        ["gcloud", "container", "images", "list-tags", "gcr.io/p/app"],
        ["gcloud", "artifacts", "docker", "tags", "list", "europe-docker.pkg.dev/p/r/app"],
        ["az", "acr", "repository", "show-tags", "--name", "acme", "--repository", "app"],
        ["systemctl", "status", "containerd"],
        ["journalctl", "-u", "kubelet", "--since", "-1h"],
        ["cat", "/etc/containerd/config.toml"],
        ["busybox", "nslookup", "registry.example.com"],
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
        (["kubectl", "-n", "shop", "apply", "-f", "x.yaml"], "`kubectl apply`"),
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
        (["kubectl", "patch", "deploy/x", "-p", "--dry-run=client", "-p", #"{"spec":{"replicas":0}}"#], "`kubectl patch`"),
        (["kubectl", "patch", "deploy/x", "-p", "--help", "-p", #"{"spec":{"replicas":0}}"#], "`kubectl patch`"),
        (["kubectl", "apply", "-f", "--dry-run=client", "-f", "deploy.yaml"], "`kubectl apply`"),
        (["kubectl", "auth", "reconcile", "-f", "rbac.yaml"], "`kubectl auth`"),
        (["kubectl", "cluster-info", "dump", "--output-directory=/tmp/d"], "writes files"),
        (["kubectl", "whoops", "pods"], "not a kubectl command Triage knows"),
        (["kubectl", "--frobnicate", "delete", "pod", "web"], "`--frobnicate` stands before the verb"),
        (["kubectl", "rollout", "--frobnicate", "status", "deployment/web"], "`kubectl rollout`"),
        (["oc", "delete", "pod", "web"], "`kubectl delete`"),
        (["microk8s", "kubectl", "delete", "pod", "web"], "`kubectl delete`"),
        (["sudo", "-u", "root", "kubectl", "delete", "pod", "web"], "`kubectl delete`"),
        (["env", "-i", "timeout", "-s", "KILL", "5", "nice", "-n", "10", "kubectl", "drain", "n1"], "`kubectl drain`"),
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
        (["kubectl", "get", "pods", "--server", "https://elsewhere:6443"], "`kubectl --server` points kubectl at a cluster"),
        (["kubectl", "get", "pods", "-shttps://elsewhere:6443"], "`kubectl -shttps://elsewhere:6443` points kubectl"),
        (["kubectl", "--kubeconfig=/tmp/theirs", "get", "pods"], "`kubectl --kubeconfig=/tmp/theirs` points kubectl"),
        (["kubectl", "--context=prod", "get", "events"], "`kubectl --context=prod` points kubectl"),
        (["kubectl", "get", "secrets", "--as", "system:admin"], "`kubectl --as` points kubectl"),
        (["kubectl", "get", "secrets", "--as-group=system:masters"], "`kubectl --as-group=system:masters`"),
        (["kubectl", "get", "pods", "--token", "abc"], "`kubectl --token`"),
        (["kubectl", "--insecure-skip-tls-verify", "get", "nodes"], "`kubectl --insecure-skip-tls-verify`"),
        (["kubectl", "--profile=cpu", "--profile-output=/etc/passwd", "get", "pods"], "writes a file"),
        (["kubectl", "kustomize", "overlays/prod", "--output", "/tmp/out"], "`kubectl kustomize --output` writes files"),
        (["kubectl", "annotate", "pod", "web", "a=b", "--field-manager", "--help"], "`kubectl annotate` changes the cluster"),
        (["kubectl", "label", "pod", "web", "a=b", "--field-manager", "-h"], "`kubectl label` changes the cluster"),
        (["kubectl", "annotate", "pod", "web", "a=b", "--field-manager", "--dry-run=client"], "`kubectl annotate` changes the cluster"),
        (["kubectl", "delete", "pod", "web", "-l", "--dry-run=server"], "`kubectl delete` changes the cluster"),
        (["kubectl", "annotate", "pod", "web", "a=b", "--list", "--list=false"], "`kubectl annotate` changes the cluster"),
        (["kubectl", "label", "pod", "web", "a=b", "--field-manager", "--list"], "`kubectl label` changes the cluster"),
        (["env", "KUBECONFIG=/tmp/theirs", "kubectl", "get", "pods"], "`KUBECONFIG=/tmp/theirs` sets the environment of `kubectl`"),
        (["env", "LD_PRELOAD=/tmp/x.so", "cat", "/etc/hosts"], "`LD_PRELOAD=/tmp/x.so` sets the environment"),
        (["sudo", "HELM_DRIVER=memory", "helm", "list"], "sets the environment of `helm`"),
        (["touch", "/tmp/marker"], "`touch` is a program Triage does not know"),
        (["rm", "-rf", "/var/lib/containerd"], "`rm` is a program Triage does not know"),
        (["curl", "-X", "DELETE", "https://registry.example.com/v2/app/manifests/sha256:0"], "`curl` is a program Triage does not know"),
        (["kubectl-foo", "get"], "`kubectl-foo` is a program Triage does not know"),
        (["skopeo", "delete", "docker://registry.example.com/app:1.0"], "`skopeo delete`"),
        (["skopeo", "copy", "docker://a/b:1", "docker://c/d:1"], "`skopeo copy`"),
        (["skopeo", "login", "registry.example.com"], "`skopeo login`"),
        (["skopeo", "--frobnicate", "inspect", "docker://a/b"], "`--frobnicate` stands before the command of `skopeo`"),
        (["helm", "uninstall", "web"], "`helm uninstall`"),
        (["helm", "rollback", "web", "3"], "`helm rollback`"),
        (["helm", "-n", "shop", "upgrade", "--install", "web", "chart"], "`helm upgrade`"),
        (["helm", "repo", "add", "x", "https://x"], "`helm repo add`"),
        (["helm", "template", "web", "chart", "--output-dir", "/tmp/x"], "`helm template`"),
        (["aws", "ecr", "batch-delete-image", "--repository-name", "app", "--image-ids", "imageTag=1"], "`aws ecr batch-delete-image`"),
        (["aws", "ecr", "put-image", "--repository-name", "app"], "`aws ecr put-image`"),
        (["aws", "s3", "rm", "s3://bucket/key"], "`aws s3 rm`"),
        (["aws", "s3api", "get-object", "--bucket", "b", "--key", "k", "/etc/passwd"], "`aws s3api get-object`"),
        (["aws", "configure", "set", "region", "x"], "`aws configure set`"),
        (["gcloud", "container", "images", "delete", "gcr.io/p/app:1"], "`gcloud container images delete`"),
        (["gcloud", "container", "clusters", "get-credentials", "c"], "`gcloud container clusters get-credentials`"),
        (["gcloud", "compute", "instances", "delete", "list"], "`gcloud compute instances delete`"),
        (["az", "acr", "repository", "delete", "--name", "acme", "--image", "app:1"], "`az acr repository delete`"),
        (["az", "acr", "login", "--name", "acme"], "`az acr login`"),
        (["az", "aks", "get-credentials", "--name", "c"], "`az aks get-credentials`"),
        (["systemctl", "restart", "containerd"], "`systemctl restart`"),
        (["journalctl", "--vacuum-size=1M"], "`journalctl --vacuum-size=1M` changes the journal"),
        (["triage", "run", "--pod", "web"], "`triage run`"),
        (["triage", "new", "scenario", "x.yaml", "--runbook", "image-pull-backoff"], "`triage new`"),
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
