package org.sharedict.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The objects helm rendered, with the look-ups the tests need. */
final class Rendered {

    static final List<String> SERVICES = List.of("gateway", "skills-service", "rota-service", "dr-planner");
    static final String PREFIX = "demo-sharedict-";

    private static final YAMLMapper YAML = new YAMLMapper();

    final List<JsonNode> objects;

    private Rendered(List<JsonNode> objects) {
        this.objects = objects;
    }

    static Rendered parse(String manifests) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            List<JsonNode> objects = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.isObject() && doc.has("kind")) {
                    objects.add(doc);
                }
            }
            return new Rendered(objects);
        } catch (IOException e) {
            throw new UncheckedIOException("helm rendered something that is not YAML", e);
        }
    }

    List<JsonNode> all(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " was rendered"));
    }

    JsonNode deployment(String service) {
        return get("Deployment", PREFIX + service);
    }

    static JsonNode mainContainer(JsonNode deployment) {
        return deployment
                .path("spec")
                .path("template")
                .path("spec")
                .path("containers")
                .get(0);
    }

    /** Every workload's pod spec, keyed by "Kind/name". */
    Map<String, JsonNode> podSpecs() {
        Map<String, JsonNode> specs = new LinkedHashMap<>();
        for (JsonNode o : objects) {
            String kind = o.path("kind").asText();
            String name = kind + "/" + o.path("metadata").path("name").asText();
            switch (kind) {
                case "Deployment", "StatefulSet", "DaemonSet", "Job" ->
                    specs.put(name, o.path("spec").path("template").path("spec"));
                case "CronJob" ->
                    specs.put(
                            name,
                            o.path("spec")
                                    .path("jobTemplate")
                                    .path("spec")
                                    .path("template")
                                    .path("spec"));
                case "Pod" -> specs.put(name, o.path("spec"));
                default -> {}
            }
        }
        return specs;
    }

    static List<JsonNode> containersOf(JsonNode podSpec) {
        List<JsonNode> all = new ArrayList<>();
        podSpec.path("initContainers").forEach(all::add);
        podSpec.path("containers").forEach(all::add);
        return all;
    }

    /**
     * The environment a container gets, as Kubernetes would assemble it: ConfigMap envFrom first,
     * then env (a secretKeyRef is shown as "secret:<name>/<key>").
     */
    Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String cm = from.path("configMapRef").path("name").asText(null);
            if (cm != null) {
                JsonNode data = get("ConfigMap", cm).path("data");
                data.fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode e : container.path("env")) {
            JsonNode ref = e.path("valueFrom").path("secretKeyRef");
            env.put(
                    e.path("name").asText(),
                    ref.isMissingNode()
                            ? e.path("value").asText()
                            : "secret:" + ref.path("name").asText() + "/"
                                    + ref.path("key").asText());
        }
        return env;
    }

    /** A Secret's decoded data. */
    Map<String, String> secretData(String name) {
        Map<String, String> data = new LinkedHashMap<>();
        get("Secret", name)
                .path("data")
                .fields()
                .forEachRemaining(e -> data.put(
                        e.getKey(),
                        new String(Base64.getDecoder().decode(e.getValue().asText()))));
        return data;
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        return Selectors.matches(selector, labels);
    }

    static JsonNode podLabels(JsonNode workload) {
        return workload.path("spec").path("template").path("metadata").path("labels");
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    static ObjectNode labels(String... keyValues) {
        ObjectNode node = YAML.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.put(keyValues[i], keyValues[i + 1]);
        }
        return node;
    }

    static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node.fields();
    }
}
