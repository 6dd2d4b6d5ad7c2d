package org.sharedict.deploy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates rendered NetworkPolicies for ingress the way the NetworkPolicy API defines it: a pod
 * selected by no policy accepts everything; a selected pod accepts a connection that any rule of
 * any selecting policy allows (the union).
 */
final class NetworkPolicies {

    /** A pod: its namespace, the namespace's labels, its own labels, its named container ports. */
    record Pod(String namespace, JsonNode namespaceLabels, JsonNode labels, JsonNode containerPorts) {

        static Pod of(String namespace, JsonNode labels) {
            return new Pod(
                    namespace, Rendered.labels("kubernetes.io/metadata.name", namespace), labels, Rendered.labels());
        }

        Pod withPorts(JsonNode containerPorts) {
            return new Pod(namespace, namespaceLabels, labels, containerPorts);
        }
    }

    private final List<JsonNode> policies;
    private final String namespace;

    NetworkPolicies(Rendered rendered, String namespace) {
        this.policies = rendered.all("NetworkPolicy");
        this.namespace = namespace;
    }

    boolean allows(Pod from, Pod to, int port) {
        if (!to.namespace().equals(namespace)) {
            throw new IllegalArgumentException("the policies are in " + namespace);
        }
        boolean isolated = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!Selectors.matches(spec.path("podSelector"), to.labels()) || !appliesToIngress(spec)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path("ingress")) {
                if (peersAllow(rule.path("from"), from) && portsAllow(rule.path("ports"), to, port)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean appliesToIngress(JsonNode spec) {
        JsonNode types = spec.path("policyTypes");
        if (types.isMissingNode() || types.isEmpty()) {
            return true;
        }
        return Rendered.texts(types).contains("Ingress");
    }

    private boolean peersAllow(JsonNode peers, Pod from) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue; // the tests' pods are addressed by labels, not IPs
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? Selectors.matches(peer.path("namespaceSelector"), from.namespaceLabels())
                    : from.namespace().equals(namespace);
            boolean podOk = !peer.has("podSelector") || Selectors.matches(peer.path("podSelector"), from.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsAllow(JsonNode ports, Pod to, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            JsonNode value = p.path("port");
            if (value.isMissingNode()) {
                return true;
            }
            int number = value.isInt()
                    ? value.asInt()
                    : to.containerPorts().path(value.asText()).asInt(-1);
            if (number == port) {
                return true;
            }
        }
        return false;
    }
}
